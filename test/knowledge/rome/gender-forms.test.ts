import { describe, expect, it } from "vitest";
import { genderForms } from "../../../src/knowledge/rome/gender-forms.js";

describe("genderForms", () => {
  it.each([
    ["Boulanger / Boulangère", ["boulanger", "boulangère"]],
    ["Conducteur / Conductrice d'engins agricoles", ["conducteur d'engins agricoles", "conductrice d'engins agricoles"]],
    ["Bûcheron élagueur / Bûcheronne élagueuse", ["bûcheron élagueur", "bûcheronne élagueuse"]],
    ["Tractoriste forestier / Tractoriste forestière", ["tractoriste forestier", "tractoriste forestière"]],
    ["Vendeur(se) en boulangerie", ["vendeur en boulangerie", "vendeuse en boulangerie"]],
    ["Président(e) Directeur(trice) Général(e)", ["président directeur général", "présidente directrice générale"]],
    ["Patronnier(ère)-gradeur(se) ind habillement", ["patronnier-gradeur ind habillement", "patronnière-gradeuse ind habillement"]],
    ["Chef(fe) de rang", ["chef de rang", "cheffe de rang"]],
    ["Tractoriste agricole", ["tractoriste agricole"]],
  ])("expands %s", (label, forms) => {
    expect(genderForms(label)).toEqual(forms);
  });

  it("keeps parentheses that are not a feminine ending", () => {
    expect(genderForms("Technicien(ne) sécurité (HSE)")).toEqual(["technicien sécurité (hse)", "technicienne sécurité (hse)"]);
  });

  it("gives only the masculine form when the word does not end as the rule expects", () => {
    expect(genderForms("Ambassadeur(trice) de marque")).toEqual(["ambassadeur de marque"]);
  });

  it("does not repeat a title whose two forms are identical", () => {
    expect(genderForms("Architecte / Architecte")).toEqual(["architecte"]);
  });
});
