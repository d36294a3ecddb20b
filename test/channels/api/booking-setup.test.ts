import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../../src/config/config.js";
import { createBookingSetup } from "../../../src/channels/api/booking-setup.js";
import { silentLogger } from "../../../src/shared/logger.js";

describe("createBookingSetup", () => {
  it("opens SQLite in DATA_DIR and loads the demo cabins only when DEMO_DATA is on", async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "setup-"));
    try {
      for (const [demo, expectSites] of [["true", true], ["false", false]] as const) {
        const config = loadConfig({ DATA_DIR: dataDir, DEMO_DATA: demo, NODE_ENV: "test" }, path.resolve("."));
        const setup = await createBookingSetup(config, silentLogger);
        try {
          expect(setup.storage.backend).toBe("sqlite");
          expect(setup.service.listCabins().length > 0).toBe(expectSites);
        } finally {
          await setup.close();
        }
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
