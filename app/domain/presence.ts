// How a person shows up in presence: a colour derived from their id, stable across
// sessions and devices, from a palette that keeps white text readable (WCAG AA).
const PALETTE = ["#1d4e89", "#7c2d12", "#166534", "#6b21a8", "#9d174d", "#0f766e", "#92400e", "#3730a3"];

export function presenceColour(userId: string): string {
  const hash = [...userId].reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 7);
  return PALETTE[hash % PALETTE.length]!;
}
