/** In-memory lookups over the ROME fiches that the conversation needs: by code, close jobs, interest centre, family. */
import type { RomeFiche } from "./rome-fiche.js";

/** A job one can move to from a fiche, in France Travail's order. */
export interface CloseJob {
  code: string;
  title: string;
  order: number;
}

export interface InterestCentreLabel {
  code: string;
  label: string;
}

export class RomeCatalog {
  private readonly byCode = new Map<string, RomeFiche>();
  private readonly byAppellation = new Map<string, RomeFiche>();
  private readonly byParent = new Map<string, RomeFiche[]>();
  private readonly byCentre = new Map<string, { fiche: RomeFiche; principal: boolean }[]>();

  constructor(
    fiches: readonly RomeFiche[],
    private readonly centres: readonly InterestCentreLabel[] = [],
  ) {
    for (const fiche of fiches) {
      this.byCode.set(fiche.code, fiche);
      for (const a of fiche.appellations) this.byAppellation.set(a.code, fiche);
      const siblings = this.byParent.get(fiche.parentCode) ?? [];
      siblings.push(fiche);
      this.byParent.set(fiche.parentCode, siblings);
      for (const c of fiche.interestCentres) {
        const members = this.byCentre.get(c.code) ?? [];
        members.push({ fiche, principal: c.principal });
        this.byCentre.set(c.code, members);
      }
    }
  }

  get size(): number {
    return this.byCode.size;
  }

  all(): RomeFiche[] {
    return [...this.byCode.values()];
  }

  get(code: string): RomeFiche | undefined {
    return this.byCode.get(code.trim().toUpperCase());
  }

  /** The fiche an appellation (France Travail code_ogr) belongs to. */
  byAppellationCode(appellationCode: string): RomeFiche | undefined {
    return this.byAppellation.get(appellationCode);
  }

  /** Close jobs (mobility links) with their titles; unknown code → empty list. */
  closeJobs(code: string, limit = Number.POSITIVE_INFINITY): CloseJob[] {
    const fiche = this.get(code);
    if (fiche === undefined) return [];
    return fiche.mobility
      .flatMap((m) => {
        const target = this.byCode.get(m.code);
        return target === undefined ? [] : [{ code: target.code, title: target.title, order: m.order }];
      })
      .slice(0, limit);
  }

  interestCentres(): InterestCentreLabel[] {
    return [...this.centres];
  }

  /** Fiches linked to an interest centre, those for which it is the main centre first, then by code. */
  fichesByInterestCentre(centreCode: string, options: { principalOnly?: boolean } = {}): RomeFiche[] {
    const members = this.byCentre.get(centreCode) ?? [];
    return members
      .filter((m) => options.principalOnly !== true || m.principal)
      .sort((a, b) => Number(b.principal) - Number(a.principal) || a.fiche.code.localeCompare(b.fiche.code))
      .map((m) => m.fiche);
  }

  /** The historical fiche a fiche derives from (itself for a parent fiche). */
  parent(code: string): RomeFiche | undefined {
    const fiche = this.get(code);
    return fiche === undefined ? undefined : this.byCode.get(fiche.parentCode);
  }

  /** Every fiche sharing the same parent, the parent first, then by code; includes the fiche itself. */
  family(code: string): RomeFiche[] {
    const fiche = this.get(code);
    if (fiche === undefined) return [];
    const members = this.byParent.get(fiche.parentCode) ?? [];
    return [...members].sort(
      (a, b) => Number(b.code === fiche.parentCode) - Number(a.code === fiche.parentCode) || a.code.localeCompare(b.code),
    );
  }
}
