// Every string a young person reads on a phone, on the join screen or on the "you
// said, we did" page, in one place, so that a test can score each one for reading age
// (copy.test.ts). Written for the youngest band (about age 8), so it suits every band.
// Facilitators' own questions are checked against their workshop's band when saved.
import type { HoldReason } from "./moderation";
import type { ModerationMode } from "./workshop";

export const COPY = {
  joinTitle: "Join a workshop",
  joinCodeLabel: "Type the code on the big screen",
  joinButton: "Join",
  joinHelp: "You do not need to give your name. You get a made-up name that only lasts for this workshop.",
  codeWrong: "That code does not work. Check it and try again.",
  codeClosed: "This workshop has ended. You can see what happened to your ideas.",
  tooManyTries: "Too many tries. Wait a minute, then try again.",
  youAre: "Your made-up name is",
  whoReads: {
    pre: "A grown-up who runs the workshop reads your ideas first. Then they go on the big screen, but your name does not.",
    post: "Your ideas go on the big screen for all to see. Your name does not. A grown-up who runs the workshop can take them down.",
  } satisfies Record<ModerationMode, string>,
  whatHappens: "We use your ideas to choose what the new service must do. Do not write your name, or anyone else's. Your ideas are kept with no name on them. Later you can see what we did with them.",
  startButton: "Start",
  waiting: "Wait for the next part. Look at the big screen.",
  timeLeft: "Time left",
  timeUp: "Time is up.",
  cardLabel: "Your idea",
  cardButton: "Send my idea",
  cardTooLong: "That is too long. Make it shorter.",
  cardEmpty: "Write your idea first.",
  cardTooMany: "You have sent lots of ideas. Thank you! That is the most you can send.",
  yourCards: "Your ideas",
  statusShown: "On the big screen",
  statusPending: "Waiting for a grown-up to read it",
  statusHidden: "Not shown",
  statusMerged: "Joined with an idea like it",
  held: {
    name: "We kept this back because it may have a name in it. A grown-up will read it first.",
    email: "We kept this back because it has an email in it. Please do not share that here.",
    phone: "We kept this back because it has a phone number in it. Please do not share that here.",
    address: "We kept this back because it may say where someone lives. A grown-up will read it first.",
    postcode: "We kept this back because it has a postcode in it. That can tell people where you live.",
    date: "We kept this back because it has a date in it. It might be a birthday, so a grown-up will read it first.",
    school: "We kept this back because it may name a school. A grown-up will read it first.",
    abuse: "We kept this back because of some of the words. A grown-up will read it first.",
  } satisfies Record<HoldReason, string>,
  dotsLeft: (n: number) => (n === 1 ? "You have 1 dot left." : `You have ${n} dots left.`),
  addDot: "Add a dot",
  takeDot: "Take a dot off",
  sendVote: "Send my vote",
  voteSent: "Your vote is in. You can change it.",
  rankUp: "Move up",
  rankDown: "Move down",
  scaleLow: "Not much",
  scaleHigh: "A lot",
  reactTo: "Pick how you feel",
  sortPick: "Which group does it go in?",
  notSure: "Not sure",
  noThemes: "There is nothing to vote on yet. Look at the big screen.",
  noCards: "There are no ideas to see yet.",
  offline: "You are offline. Your ideas and votes are saved on this phone. They will send when you are back online.",
  queued: (n: number) => (n === 1 ? "1 thing is waiting to send." : `${n} things are waiting to send.`),
  sent: "Sent.",
  tellTitle: "Tell the leader",
  tellHelp: "Only the people who run this workshop will read this. Tell them if you are sad or scared. Tell them if something is wrong.",
  tellLabel: "Your message",
  tellButton: "Send to the leader",
  tellSent: "Thank you. A leader will read it soon.",
  ended: "This workshop has ended. Thank you for your ideas!",
  seeResults: "See what we did with your ideas",
  saidTitle: "You said, we did",
  saidIntro: "Here is what you told us, and what we did about it. We keep this page up to date.",
  saidNothing: "Nothing here yet. Come back soon.",
  adoptedOutcome: (n: number) => `We added it to the plan as goal ${n}.`,
  adoptedQuality: "We added it to the plan. It is now a rule for how the service must work.",
  adoptedIndicator: (n: number) => `We added it to the plan as a way to check goal ${n}.`,
  changedTo: "We changed the words to",
  changedBecause: "We changed it because",
  notAdopted: "We did not add it.",
  because: "This is why:",
  takenOut: "We added it, then took it out.",
  thinking: "We are still thinking about this one.",
  inTender: "It is in the plan that groups will bid to run.",
  inContract: "It is in the deal with the service we chose.",
  ideas: (n: number) => (n === 1 ? "1 idea" : `${n} ideas`),
  backToJoin: "Back",
  // The projector wall, which young people read from across the room.
  wallNotOpen: "Not open yet",
  wallJoined: (n: number) => `${n} joined`,
  wallVoted: (n: number) => `${n} voted`,
  wallSorted: (n: number) => `${n} sorted`,
  wallNotSorted: "not sorted yet",
  wallDots: (n: number) => (n === 1 ? "1 dot" : `${n} dots`),
  wallPoints: (n: number) => (n === 1 ? "1 point" : `${n} points`),
  wallScale: (mean: string, n: number) => `${mean} out of 5 (${n})`,
  wallNoScores: "no scores yet",
  voteBroken: "Something in your vote did not work. Try again.",
  voteOver: "This vote has finished. Look at your screen for what is next.",
  voteGone: "One of these is not there any more. Try again.",
  tooManyDots: (n: number) => `You have ${n} dots. Take some off first.`,
  rankTwice: "Each one can only be in the list once.",
  messageEmpty: "Write your message first.",
  messageTooLong: "That is too long. Make it shorter.",
  broken: "Something did not work. Try again.",
} as const;

/** Every participant string, flattened, with a name for each (for the reading-age test). */
export function allCopy(): [string, string][] {
  const out: [string, string][] = [];
  const walk = (name: string, v: unknown) => {
    if (typeof v === "string") out.push([name, v]);
    else if (typeof v === "function") for (const n of [1, 3]) out.push([`${name}(${n})`, (v as (a: number | string, b: number) => string)(v.length === 2 ? "4.5" : n, n)]);
    else if (v && typeof v === "object") for (const [k, x] of Object.entries(v)) walk(`${name}.${k}`, x);
  };
  walk("COPY", COPY);
  return out;
}
