/** A small official-looking ROME folder for tests: three fiches, a few appellations, links and texts. */
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

export const CODE_ROME = `"code_rome","code_fiche_metier","code_ogr","libelle_rome","transition_eco","transition_num","transition_demo","emploi_reglemente","emploi_cadre","code_rome_parent"
"D1102","1","100","Boulanger / Boulangère","Emploi Blanc","N","","N","N","D1102"
"D1104","2","101","Pâtissier / Pâtissière","","O","N","N","N","D1102"
"H1101","3","102","Ingénieur / Ingénieure qualité","Emploi Vert","","","O","O","H1101"
`;

export const APPELLATION = `"code_ogr","libelle_appellation_long","libelle_appellation_court","code_rome","transition_eco","transition_num","transition_demo","emploi_reglemente","emploi_cadre","classification","origine","code_rome_parent","peu_usite"
"1001","Boulanger / Boulangère","Boulanger / Boulangère","D1102","","","","","","PRINCIPALE","","D1102","N"
"1002","Vendeur / Vendeuse en boulangerie","Vendeur(se) en boulangerie","D1102","","","","","","SYNONYME","","D1102","N"
"1003","Pâtissier / Pâtissière","Pâtissier / Pâtissière","D1104","","","","","","PRINCIPALE","","D1102","N"
"1004","Ingénieur / Ingénieure qualité","Ingénieur(e) qualité","H1101","","","","","","PRINCIPALE","","H1101","N"
`;

export const CENTRE_INTERET = `"code_centre_interet","libelle_centre_interet","definition_centre_interet"
"14","J'aime le travail manuel","Une définition
sur deux lignes."

"4","J'ai le sens du contact","Autre définition."
`;

export const ARBORESCENCE = `"code_centre_interet","libelle_centre_interet","code_ogr_rome","code_rome","libelle_rome","principal"
"14","J'aime le travail manuel","100","D1102","Boulanger / Boulangère","oui"
"4","J'ai le sens du contact","100","D1102","Boulanger / Boulangère","non"
"14","J'aime le travail manuel","101","D1104","Pâtissier / Pâtissière","oui"
`;

export const MOBILITE = `"code_rome","code_rome_cible","numero_ordre"
"D1102","H1101","2"
"D1102","D1104","1"
"D1104","D1102","1"
`;

export const TEXTE = `"code_rome","code_compo_bloc","libelle_type_texte","position_phrase","libelle_texte"
"D1102","4","acces_metier","1","Accessible avec un CAP."
"D1102","3","definition","2","Façonne et cuit le pain."
"D1102","3","definition","1","Prépare la pâte, qu''il pétrit."
`;

export type FixtureFile = "code_rome" | "appellation" | "centre_interet" | "arborescence" | "mobilite" | "texte";

const NAMES: Record<FixtureFile, string> = {
  code_rome: "unix_referentiel_code_rome_v460_utf8.csv",
  appellation: "unix_referentiel_appellation_v460_utf8.csv",
  centre_interet: "unix_centre_interet_v460_utf8.csv",
  arborescence: "unix_arborescence_centre_interet_v460_utf8.csv",
  mobilite: "unix_rubrique_mobilite_v460_utf8.csv",
  texte: "unix_texte_v460_utf8.csv",
};

export function fixtureFileName(file: FixtureFile): string {
  return NAMES[file];
}

/** Writes the fixture folder; `overrides` replaces a file's content, `null` leaves the file out. */
export async function writeRomeFixture(overrides: Partial<Record<FixtureFile, string | null>> = {}): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), "rome-fixture-"));
  const contents: Record<FixtureFile, string> = {
    code_rome: CODE_ROME,
    appellation: APPELLATION,
    centre_interet: CENTRE_INTERET,
    arborescence: ARBORESCENCE,
    mobilite: MOBILITE,
    texte: TEXTE,
  };
  for (const file of Object.keys(NAMES) as FixtureFile[]) {
    const content = file in overrides ? overrides[file] : contents[file];
    if (content !== null && content !== undefined) await writeFile(path.join(dir, NAMES[file]), content, "utf8");
  }
  return dir;
}
