// Text from a pull request (a block label, a module or variable name) placed in a regular
// expression: escaped, so that it is matched as written and cannot make the expression
// backtrack (`(a+)+b`) or fail to compile (`(`).

export function regExpLiteral(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/-]/g, "\\$&");
}
