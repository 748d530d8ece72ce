/** A reason a document cannot be made, naming the field to fix (the contract's issue shape). */
export interface IssueLike {
  path: string;
  message: string;
}
