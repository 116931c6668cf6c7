// Field paths as Kubernetes prints them in validation errors: `spec.template.spec.containers[0].name`.
// Validation derives a path for every field it visits but prints one only for a field that fails, so a path is a
// link to its parent and is rendered on first use.

export class FieldPath {
  private text: string | undefined;

  private constructor(
    private readonly parent: FieldPath | undefined,
    /** A root's name, a child's field name, or the index or key a subscript prints in brackets. */
    private readonly step: string | number,
    private readonly subscript: boolean,
  ) {}

  static root(name = ''): FieldPath {
    return new FieldPath(undefined, name, false);
  }

  child(name: string): FieldPath {
    return new FieldPath(this, name, false);
  }

  index(i: number): FieldPath {
    return new FieldPath(this, i, true);
  }

  key(k: string): FieldPath {
    return new FieldPath(this, k, true);
  }

  toString(): string {
    this.text ??= this.render();
    return this.text;
  }

  private render(): string {
    if (this.parent === undefined) return String(this.step);
    const parent = this.parent.toString();
    if (this.subscript) return `${parent}[${this.step}]`;
    return parent ? `${parent}.${this.step}` : String(this.step);
  }
}
