// Small enhancements over pages that work without JavaScript: GOV.UK Frontend's components,
// upload progress per file, and progress while a question is answered.
import { initAll } from "./govuk-frontend.min.js";

initAll();

const csrfToken = document.querySelector('meta[name="csrf-token"]')?.content ?? "";

function line(list, name) {
  const item = document.createElement("li");
  const label = document.createElement("span");
  label.textContent = `${name}: uploading`;
  const bar = document.createElement("progress");
  bar.max = 100;
  bar.value = 0;
  bar.setAttribute("aria-label", `Upload of ${name}`);
  item.append(label, bar);
  list.append(item);
  return { item, label, bar };
}

function send(url, file, kind, shown) {
  return new Promise((resolve) => {
    const body = new FormData();
    body.append("file", file);
    if (kind) body.append("kind", kind);
    const request = new XMLHttpRequest();
    request.open("POST", url);
    request.setRequestHeader("x-csrftoken", csrfToken);
    request.setRequestHeader("Accept", "application/json");
    request.upload.addEventListener("progress", (event) => {
      if (event.lengthComputable) shown.bar.value = (100 * event.loaded) / event.total;
    });
    request.upload.addEventListener("load", () => {
      shown.bar.value = 100;
      shown.label.textContent = `${file.name}: reading`;
    });
    request.addEventListener("load", () => {
      let reply = {};
      try {
        reply = JSON.parse(request.responseText);
      } catch {
        reply = { detail: `the server answered ${request.status}` };
      }
      shown.bar.remove();
      if (request.status === 201) {
        shown.label.textContent = `${file.name}: ${reply.status} as ${reply.kind}, ${reply.passages} passages`;
        resolve(true);
      } else {
        shown.label.textContent = `${file.name}: ${reply.detail ?? "refused"}`;
        shown.label.className = "app-upload__error";
        resolve(false);
      }
    });
    request.addEventListener("error", () => {
      shown.bar.remove();
      shown.label.textContent = `${file.name}: the upload did not reach the server`;
      shown.label.className = "app-upload__error";
      resolve(false);
    });
    request.send(body);
  });
}

for (const form of document.querySelectorAll("form.app-upload")) {
  form.addEventListener("submit", async (event) => {
    const input = form.querySelector('input[type="file"]');
    if (!input || input.files.length === 0 || !window.FormData) return;
    event.preventDefault();
    const button = form.querySelector('button[type="submit"], .govuk-button');
    if (button) button.disabled = true;
    const area = form.querySelector(".app-upload__progress");
    area.replaceChildren();
    const list = document.createElement("ul");
    area.append(list);
    const kind = form.querySelector('select[name="kind"]')?.value ?? "";
    let stored = 0;
    let refused = 0;
    for (const file of input.files) {
      const ok = await send(form.dataset.uploadUrl, file, kind, line(list, file.name));
      if (ok) stored += 1;
      else refused += 1;
    }
    if (refused === 0) {
      window.location.assign(`${window.location.pathname}#documents`);
      window.location.reload();
      return;
    }
    const done = document.createElement("p");
    done.className = "govuk-body";
    // A query makes the link load the page again (a bare #fragment would only scroll).
    done.innerHTML = `${stored} stored, ${refused} refused. <a class="govuk-link" href="${window.location.pathname}?after=upload#documents">Show the documents now stored</a>.`;
    area.append(done);
    if (button) button.disabled = false;
    input.value = "";
  });
}

async function* events(response) {
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += decoder.decode(value, { stream: true });
    let end;
    while ((end = buffer.indexOf("\n\n")) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const name = /^event: ?(.*)$/m.exec(block)?.[1] ?? "message";
      const data = [...block.matchAll(/^data: ?(.*)$/gm)].map((m) => m[1]).join("\n");
      yield { name, data: data ? JSON.parse(data) : {} };
    }
  }
}

for (const form of document.querySelectorAll("form.app-ask")) {
  form.addEventListener("submit", async (event) => {
    const question = form.querySelector("textarea").value.trim();
    if (question.length < 3 || !window.fetch || !window.ReadableStream) return;
    event.preventDefault();
    const status = form.querySelector(".app-ask__status");
    const button = form.querySelector(".govuk-button");
    if (button) button.disabled = true;
    status.textContent = "Searching this school's documents…";
    const fail = (message) => {
      status.textContent = message;
      if (button) button.disabled = false;
    };
    try {
      const response = await fetch(form.dataset.askUrl, {
        method: "POST",
        headers: {
          "Content-Type": "application/json",
          Accept: "text/event-stream",
          "x-csrftoken": csrfToken,
        },
        body: JSON.stringify({ question }),
      });
      if (!response.ok) {
        const reply = await response.json().catch(() => ({}));
        fail(reply.detail ?? `The question was refused (${response.status}).`);
        return;
      }
      for await (const { name, data } of events(response)) {
        if (name === "progress") status.textContent = `Writing the answer (${data.tokens} words so far)…`;
        if (name === "error") return fail(data.detail);
        if (name === "answer") {
          status.textContent = "Checking done: opening the answer.";
          window.location.assign(`/answers/${data.id}`);
          return;
        }
      }
      fail("The answer did not arrive: try again.");
    } catch {
      fail("The service could not be reached: try again.");
    }
  });
}
