import { describe, expect, it } from "vitest";
import { changedSpan, transformCaret } from "./text-span";

describe("transformCaret", () => {
  it("moves the caret along when text is inserted before it", () => {
    expect(transformCaret("hello world", "oh, hello world", 6)).toBe(10);
  });
  it("leaves the caret when text changes after it", () => {
    expect(transformCaret("hello world", "hello world, again", 5)).toBe(5);
    expect(transformCaret("hello world", "hello", 3)).toBe(3);
  });
  it("moves the caret back when text before it is deleted", () => {
    expect(transformCaret("abc def ghi", "abc ghi", 9)).toBe(5);
  });
  it("puts a caret inside replaced text at the end of the replacement", () => {
    expect(transformCaret("pay on 28 days", "pay on 42 days", 8)).toBe(9);
  });
  it("keeps the caret where the text is unchanged", () => {
    expect(transformCaret("same", "same", 2)).toBe(2);
  });
  it("handles a repeated character without overlapping the prefix and suffix", () => {
    expect(changedSpan("aa", "aaa")).toEqual({ start: 2, endBefore: 2, endAfter: 3 });
    expect(transformCaret("aa", "aaa", 1)).toBe(1);
  });
  it("always lands inside the new text", () => {
    const texts = ["", "a", "ab", "abc", "xbc", "abx", "b", "abcabc", "cba"];
    for (const before of texts)
      for (const after of texts)
        for (let p = 0; p <= before.length; p++) {
          const q = transformCaret(before, after, p);
          expect(q).toBeGreaterThanOrEqual(0);
          expect(q).toBeLessThanOrEqual(after.length);
        }
  });
});
