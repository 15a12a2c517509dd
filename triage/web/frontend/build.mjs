// Build the pages' static files into ../static (git-ignored): GOV.UK Frontend's styles compiled
// with our settings and additions, its JavaScript, and our own script. No GOV.UK images or fonts
// are copied: the crown, logo and GDS Transport font are for GOV.UK only.
import { copyFileSync, mkdirSync, writeFileSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import * as sass from "sass";

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, "..", "static");
const govuk = join(here, "node_modules", "govuk-frontend");
mkdirSync(out, { recursive: true });

const css = sass.compile(join(here, "app.scss"), {
  loadPaths: [join(here, "node_modules")],
  style: "compressed",
  quietDeps: true,
  silenceDeprecations: ["import"],
});
writeFileSync(join(out, "app.css"), css.css);
copyFileSync(join(govuk, "dist", "govuk", "govuk-frontend.min.js"), join(out, "govuk-frontend.min.js"));
copyFileSync(join(here, "app.js"), join(out, "app.js"));
const version = JSON.parse(readFileSync(join(govuk, "package.json"), "utf8")).version;
writeFileSync(join(out, "govuk-frontend-version.txt"), version + "\n");
console.log(`built ${out} with govuk-frontend ${version}`);
