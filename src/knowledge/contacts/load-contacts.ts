/** Reads every contact file of a folder (JSON or YAML), keeping the valid entries and naming the bad ones. */
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { ContactPoint } from "./contact-point.js";

export interface ContactProblem {
  file: string;
  /** "contacts[3].phone: expected a French number..." */
  message: string;
}

export interface LoadedContacts {
  contacts: ContactPoint[];
  problems: ContactProblem[];
}

const CONTACT_FILE = /\.(json|ya?ml)$/;

function parseText(file: string, text: string): unknown {
  return file.endsWith(".json") ? JSON.parse(text) : parseYaml(text);
}

function describe(issue: z.core.$ZodIssue): string {
  return `${issue.path.map((p) => (typeof p === "number" ? `[${p}]` : `.${String(p)}`)).join("").replace(/^\./, "")}: ${issue.message}`;
}

/** One bad entry does not hide the others: entries are checked one by one. Ids must be unique. */
export async function loadContacts(dir: string): Promise<LoadedContacts> {
  const contacts: ContactPoint[] = [];
  const problems: ContactProblem[] = [];
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => CONTACT_FILE.test(n)).sort();
  } catch (error) {
    return { contacts, problems: [{ file: dir, message: `cannot read folder: ${(error as Error).message}` }] };
  }
  const seen = new Set<string>();
  for (const name of names) {
    const file = path.join(dir, name);
    let data: unknown;
    try {
      data = parseText(name, await readFile(file, "utf8"));
    } catch (error) {
      problems.push({ file, message: `unreadable: ${(error as Error).message}` });
      continue;
    }
    const shape = z.object({ contacts: z.array(z.unknown()) }).safeParse(data);
    if (!shape.success) {
      problems.push({ file, message: "expected an object with a 'contacts' list" });
      continue;
    }
    shape.data.contacts.forEach((raw, index) => {
      const parsed = ContactPoint.safeParse(raw);
      if (!parsed.success) {
        for (const issue of parsed.error.issues) problems.push({ file, message: `contacts[${index}].${describe(issue)}` });
        return;
      }
      if (seen.has(parsed.data.id)) {
        problems.push({ file, message: `contacts[${index}].id: duplicate id ${parsed.data.id}` });
        return;
      }
      seen.add(parsed.data.id);
      contacts.push(parsed.data);
    });
  }
  return { contacts, problems };
}
