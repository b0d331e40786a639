/** An uploaded or generated file, as OpenAI's /v1/files describes it. */
export interface FileObject {
  id: string;
  object: 'file';
  bytes: number;
  created_at: number;
  filename: string;
  purpose: string;
  status: 'processed';
}

/** In-memory files: batch inputs uploaded by clients and batch output/error files. */
export class FileStore {
  private files = new Map<string, { meta: FileObject; content: Buffer }>();
  private counter = 0;

  create(purpose: string, filename: string, content: Buffer): FileObject {
    const meta: FileObject = {
      id: `file-sim${String(++this.counter).padStart(6, '0')}`,
      object: 'file',
      bytes: content.length,
      created_at: Math.floor(Date.now() / 1000),
      filename,
      purpose,
      status: 'processed',
    };
    this.files.set(meta.id, { meta, content });
    return meta;
  }

  get(id: string): FileObject | undefined {
    return this.files.get(id)?.meta;
  }

  content(id: string): Buffer | undefined {
    return this.files.get(id)?.content;
  }

  list(purpose?: string): FileObject[] {
    return [...this.files.values()].map((f) => f.meta).filter((m) => !purpose || m.purpose === purpose);
  }

  delete(id: string): boolean {
    return this.files.delete(id);
  }
}
