import { describe, expect, it } from "vitest";
import { CODE_ALPHABET, codeFrom, normaliseCode, pseudonymFrom } from "./codes";
import { screenCard } from "./moderation";

describe("join codes and pseudonyms", () => {
  it("makes six-character codes without look-alikes, and reads what a person types", () => {
    const code = codeFrom(new Uint8Array([0, 1, 2, 3, 4, 30]));
    expect(code).toBe("ABCDE9");
    for (const c of "01OIL") expect(CODE_ALPHABET).not.toContain(c);
    expect(normaliseCode(" abc-de9 ")).toBe("ABCDE9");
    expect(normaliseCode("abc")).toBeNull();
    expect(normaliseCode("ABC!E9")).toBeNull();
  });
  it("gives each phone a friendly name no other phone in the workshop has", () => {
    const taken = new Set<string>();
    for (let i = 0; i < 400; i++) taken.add(pseudonymFrom(7, 7, taken).pseudonym);
    expect(taken.size).toBe(400);
  });
});

describe("screening a card", () => {
  it.each([
    ["call me on 07700 900123", "phone"],
    ["my email is sam@example.com", "email"],
    ["i live at 12 acacia road", "address"],
    ["near SE11 5QY", "postcode"],
    ["my name is jordan", "name"],
    ["I go to St Mary's Primary", "school"],
    ["oakfield academy is rubbish", "school"],
    ["this is shit", "abuse"],
    ["f u c k this", "abuse"],
  ])("holds %j (%s)", (text, reason) => {
    expect(screenCard(text)).toBe(reason);
  });
  it.each(["Someone to talk to who listens", "help with school", "I want to go to college", "Feel safe at home", "My school is ok", "more things to do after school", "3 people in my house"])("lets %j through", (text) => {
    expect(screenCard(text)).toBeNull();
  });
});
