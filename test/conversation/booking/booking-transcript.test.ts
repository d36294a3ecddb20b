// Transcript tests: the real orientation bot (src/channels/bot) through botbuilder's TestAdapter,
// with the booking dialogue on a real booking service over SQLite in a temp folder.
import { MemoryStorage, TestAdapter, type Activity } from "botbuilder";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OrientationBot } from "../../../src/channels/bot/index.js";
import { bookingPort, withBookingDialogue } from "../../../src/conversation/adapters/booking-adapter.js";
import { BookingDialogue } from "../../../src/conversation/booking/booking-dialogue.js";
import { ConversationEngine } from "../../../src/conversation/engine.js";
import { silentLogger } from "../../../src/shared/logger.js";
import { openRealSetup, type RealSetup } from "../real-ports.js";
import { MONDAY_10H, openTestDesk, type TestDesk } from "./fixtures.js";

let setup: RealSetup;
let desk: TestDesk;
let engine: ConstructorParameters<typeof OrientationBot>[0]["engine"];

beforeAll(async () => {
  setup = await openRealSetup();
  desk = await openTestDesk();
  const dialogue = new BookingDialogue({ desk: desk.service });
  const options = { defaultRegion: "PAC" as const, logger: silentLogger, now: () => MONDAY_10H };
  engine = withBookingDialogue(new ConversationEngine({ ...setup.ports, booking: bookingPort(dialogue, () => MONDAY_10H) }, options), dialogue, options);
}, 240_000);

afterAll(async () => {
  await desk?.close();
  await setup?.cleanup();
});

/** A new person: a fresh bot state storage, the same engine and booking service. */
function adapter(): TestAdapter {
  const bot = new OrientationBot({ engine, storage: new MemoryStorage(), logger: silentLogger });
  return new TestAdapter(async (context) => bot.run(context));
}
const text = (a: Partial<Activity>) => String(a.text ?? "");

describe("booking dialogue through the bot", () => {
  it("books a cabin near Gap from the first request to the code", async () => {
    let code = "";
    await adapter()
      .send("Je voudrais réserver une cabine près de Gap")
      .assertReply((a) => expect(text(a)).toContain("Cabine de Gap"))
      .send("demain matin")
      .assertReply((a) => {
        expect(text(a)).toContain("mardi 24 novembre");
        expect(a.suggestedActions?.actions.map((x) => x.title)).toContain("10 h");
      })
      .send("10 h")
      .assertReply((a) => expect(a.attachments?.[0]?.contentType).toBe("application/vnd.microsoft.card.adaptive"))
      .send({ type: "message", text: "", value: { action: "bookingContact", firstName: "Inès", reach: "ines@exemple.fr", consent: "true" } })
      .assertReply((a) => {
        code = /\*\*([A-Z2-9]{4}-[A-Z2-9]{4})\*\*/.exec(text(a))?.[1] ?? "";
        expect(code).not.toBe("");
        expect(a.attachments?.some((x) => x.contentType === "text/calendar" && String(x.contentUrl).startsWith("data:text/calendar"))).toBe(true);
      });
    expect(await desk.service.findByCode(code)).toMatchObject({ status: "confirmed", firstName: "Inès", cabinId: "cabine-gap" });
  });

  it("stops on « stop » and then answers other questions normally", async () => {
    await adapter()
      .send("un rendez-vous en visio près de chez moi")
      .assertReply((a) => expect(text(a)).toContain("Dans quelle commune habitez-vous"))
      .send("stop")
      .assertReply("D'accord, j'arrête la réservation. Rien n'a été réservé.")
      .send("Gap")
      .assertReply((a) => expect(text(a)).not.toContain("Quel jour vous arrange"));
  });

  it("puts safety first even in the middle of a booking", async () => {
    await adapter()
      .send("réserver une cabine à Gap")
      .assertReply((a) => expect(text(a)).toContain("Quel jour"))
      .send("je veux mourir")
      .assertReply((a) => expect(text(a)).toContain("3114"));
  });
});
