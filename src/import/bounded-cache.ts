/** A Set that forgets everything when full: a cache in front of the store, so memory stays flat. */
export class BoundedSet {
  private readonly items = new Set<string>();
  constructor(private readonly limit: number) {}
  has(id: string): boolean {
    return this.items.has(id);
  }
  add(id: string): void {
    if (this.items.size >= this.limit) this.items.clear();
    this.items.add(id);
  }
}

export class BoundedMap {
  private readonly items = new Map<string, number>();
  constructor(private readonly limit: number) {}
  get(id: string): number | undefined {
    return this.items.get(id);
  }
  set(id: string, value: number): void {
    if (this.items.size >= this.limit) this.items.clear();
    this.items.set(id, value);
  }
}
