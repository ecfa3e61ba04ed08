extension PublicPage {
    /// `app.js`: plain JavaScript, no build step. Every value from the API reaches the page through `textContent`,
    /// never as markup.
    static let script = #"""
        "use strict";
        (() => {
          const $ = (id) => document.getElementById(id);
          const el = (tag, text, className) => {
            const node = document.createElement(tag);
            if (text !== undefined && text !== null) node.textContent = String(text);
            if (className) node.className = className;
            return node;
          };
          // Kupang keeps WITA (UTC+8).
          const clock = new Intl.DateTimeFormat("id-ID", { dateStyle: "medium", timeStyle: "medium", timeZone: "Asia/Makassar" });
          const day = new Intl.DateTimeFormat("id-ID", { dateStyle: "long", timeZone: "Asia/Makassar" });
          const time = (iso) => (iso ? clock.format(new Date(iso)) : "—");

          // (a) Live scoreboard: EventSource on /v1/scoreboard/stream, newest row first.
          const board = { source: null, rows: new Map(), limit: 500 };

          function setStreamState(state, text) {
            const badge = $("stream-status");
            badge.dataset.state = state;
            badge.textContent = text;
          }

          // Sessions are scheduled through the day: the list is read again every minute, adding new ones.
          const known = { sessions: new Set(), sites: new Set() };
          async function loadSessions() {
            try {
              const response = await fetch("/v1/scoreboard/sessions?stage=SKD&limit=500");
              if (!response.ok) throw new Error(`HTTP ${response.status}`);
              const sessions = (await response.json()).items || [];
              sessions.sort((a, b) => a.startsAt.localeCompare(b.startsAt));
              for (const session of sessions.filter((s) => !known.sessions.has(s.sessionId))) {
                known.sessions.add(session.sessionId);
                const option = el("option", `${session.label} · ${session.siteName} · ${time(session.startsAt)}`);
                option.value = session.sessionId;
                $("session-select").append(option);
                if (session.siteCode && !known.sites.has(session.siteCode)) {
                  known.sites.add(session.siteCode);
                  const site = el("option", `${session.siteName} (${session.siteCode})`);
                  site.value = session.siteCode;
                  $("site-select").append(site);
                }
              }
            } catch (error) {
              console.warn("sessions unavailable", error);
            }
          }

          function verdict(result) {
            if (result.status === "absent") return "Tidak hadir (TH)";
            if (result.status === "disqualified") return `Diskualifikasi (DIS${result.reasonCode ? ": " + result.reasonCode : ""})`;
            return result.meetsPassingGrade ? "Memenuhi" : "Tidak memenuhi";
          }

          function showResult(result) {
            const body = $("score-rows");
            board.rows.get(result.participantNumber)?.remove();
            const row = el("tr");
            row.dataset.participant = result.participantNumber;
            row.dataset.sequence = result.sequence;
            row.dataset.status = result.status;
            const dash = "—";
            row.append(
              el("td", result.participantNumber),
              el("td", result.formationKind ?? dash),
              el("td", result.twk ?? dash, "number"),
              el("td", result.tiu ?? dash, "number"),
              el("td", result.tkp ?? dash, "number"),
              el("td", result.total ?? dash, "number total"),
              el("td", verdict(result), result.status === "scored" && result.meetsPassingGrade ? "pass" : "fail"),
              el("td", time(result.recordedAt)));
            row.classList.add("fresh");
            body.prepend(row);
            board.rows.set(result.participantNumber, row);
            while (body.rows.length > board.limit) {
              board.rows.delete(body.lastElementChild.dataset.participant);
              body.lastElementChild.remove();
            }
            $("score-empty").hidden = body.rows.length > 0;
          }

          function connect() {
            board.source?.close();
            board.rows.clear();
            $("score-rows").replaceChildren();
            $("score-empty").hidden = false;
            // after=0 replays the rows already recorded; a reconnection resumes from Last-Event-ID by itself.
            const query = new URLSearchParams({ after: "0" });
            if ($("session-select").value) query.set("sessionId", $("session-select").value);
            if ($("site-select").value) query.set("siteCode", $("site-select").value);
            const source = new EventSource(`/v1/scoreboard/stream?${query}`);
            board.source = source;
            setStreamState("connecting", "Menghubungkan…");
            source.onopen = () => setStreamState("live", "Langsung");
            source.onerror = () => setStreamState("retrying", "Menyambung ulang…");
            source.addEventListener("result", (event) => showResult(JSON.parse(event.data)));
          }

          // (b) Official announcements.
          async function loadAnnouncements() {
            const status = $("announcement-status");
            const list = $("announcement-list");
            const show = (state, text) => { status.dataset.state = state; status.textContent = text; };
            try {
              const response = await fetch("/v1/announcements?limit=20");
              if (response.status === 404) return show("empty", "Belum ada pengumuman.");
              if (!response.ok) throw new Error(`HTTP ${response.status}`);
              const items = (await response.json()).items || [];
              if (items.length === 0) return show("empty", "Belum ada pengumuman.");
              show("loaded", `${items.length} pengumuman terbaru`);
              for (const item of items) {
                const entry = el("li");
                entry.dataset.announcementId = item.announcementId;
                entry.append(el("strong", item.title), el("span", ` · Nomor ${item.number} · ${item.kind}`, "muted"));
                const dated = item.dated ? day.format(new Date(item.dated)) : "—";
                entry.append(el("div", `Tanggal ${dated}, diterbitkan ${time(item.publishedAt)}`, "muted"));
                if (item.correctsAnnouncementId) entry.append(el("div", "Ralat atas pengumuman sebelumnya", "note"));
                if (item.recordId) {
                  const button = el("button", "Periksa di log");
                  button.type = "button";
                  button.addEventListener("click", () => { $("record-id").value = item.recordId; checkRecord(item.recordId); });
                  entry.append(button);
                }
                list.append(entry);
              }
            } catch (error) {
              show("error", "Pengumuman tidak dapat dimuat saat ini. Coba lagi nanti.");
            }
          }

          // (c) Check a record against the log: RFC 8785 + SHA-256 commitment, RFC 9162 inclusion, Ed25519 checkpoint.
          const bytesOf = (base64) => Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
          const utf8 = (text) => new TextEncoder().encode(text);
          const join = (...parts) => {
            const out = new Uint8Array(parts.reduce((n, part) => n + part.length, 0));
            let offset = 0;
            for (const part of parts) { out.set(part, offset); offset += part.length; }
            return out;
          };
          const same = (a, b) => a.length === b.length && a.every((byte, i) => byte === b[i]);
          const sha256 = async (bytes) => new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));

          // RFC 8785: keys sorted by UTF-16 code units (JavaScript's default sort), JSON.stringify escaping.
          function canonical(value) {
            if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
            if (value !== null && typeof value === "object") {
              return `{${Object.keys(value).sort().map((key) => `${JSON.stringify(key)}:${canonical(value[key])}`).join(",")}}`;
            }
            if (typeof value === "number" && !Number.isSafeInteger(value)) throw new Error("bilangan bukan bulat di catatan");
            return JSON.stringify(value);
          }

          // RFC 9162 §2.1.3.2: the root implied by an inclusion proof.
          async function rootFromInclusion(index, size, leafHash, path) {
            if (index >= size) throw new Error("indeks daun di luar ukuran pohon");
            let fn = index, sn = size - 1, r = leafHash;
            for (const sibling of path) {
              if (sn === 0) throw new Error("bukti terlalu panjang");
              if (fn % 2 === 1 || fn === sn) {
                r = await sha256(join([1], sibling, r));
                while (fn % 2 === 0 && fn !== 0) { fn = Math.floor(fn / 2); sn = Math.floor(sn / 2); }
              } else {
                r = await sha256(join([1], r, sibling));
              }
              fn = Math.floor(fn / 2); sn = Math.floor(sn / 2);
            }
            if (sn !== 0) throw new Error("bukti terlalu pendek");
            return r;
          }

          // C2SP signed note: "<origin>\n<size>\n<root>\n" + "\n" + "— <name> <base64(keyid || signature)>\n"...
          function parseCheckpoint(note) {
            const split = note.lastIndexOf("\n\n");
            if (split < 0) throw new Error("checkpoint tanpa baris tanda tangan");
            const text = note.slice(0, split + 1);
            const [origin, size, root] = text.split("\n");
            if (!/^\d+$/.test(size)) throw new Error("ukuran checkpoint tidak sah");
            const signatures = note.slice(split + 2).split("\n").filter(Boolean).map((line) => {
              const match = /^\u2014 (\S+) (\S+)$/.exec(line);
              if (!match) throw new Error("baris tanda tangan tidak sah");
              return { name: match[1], bytes: bytesOf(match[2]) };
            });
            return { text, origin, size: Number(size), root: bytesOf(root), signatures };
          }

          async function verifySignature(checkpoint, key) {
            let publicKey = bytesOf(key.publicKey);
            if (publicKey.length === 33 && publicKey[0] === 1) publicKey = publicKey.slice(1);
            const keyId = (await sha256(join(utf8(key.keyName + "\n"), [1], publicKey))).slice(0, 4);
            const line = checkpoint.signatures.find((s) => s.name === key.keyName && same(s.bytes.slice(0, 4), keyId));
            if (!line) return false;
            const cryptoKey = await crypto.subtle.importKey("raw", publicKey, { name: "Ed25519" }, false, ["verify"]);
            return crypto.subtle.verify({ name: "Ed25519" }, cryptoKey, line.bytes.slice(4), utf8(checkpoint.text));
          }

          async function getJSON(url) {
            const response = await fetch(url);
            if (!response.ok) throw Object.assign(new Error(`HTTP ${response.status}`), { status: response.status });
            return response.json();
          }

          async function checkRecord(recordId) {
            const steps = $("check-steps");
            const result = $("check-result");
            steps.replaceChildren();
            $("check-record").hidden = true;
            result.dataset.outcome = "running";
            result.textContent = "Memeriksa…";
            const step = (ok, text) => {
              steps.append(el("li", `${ok ? "✓" : "✗"} ${text}`, ok ? "pass" : "fail"));
              return ok;
            };
            const finish = (outcome, text) => { result.dataset.outcome = outcome; result.textContent = text; };
            if (!window.crypto || !crypto.subtle) {
              return finish("unavailable", "Pemeriksaan di peramban memerlukan HTTPS. Gunakan HTTPS, atau periksa "
                + "secara luring dengan CLI asn-log-verify.");
            }
            try {
              let record;
              try {
                record = await getJSON(`/v1/log/records/${encodeURIComponent(recordId)}`);
              } catch (error) {
                step(false, error.status === 404 ? "Catatan tidak ditemukan di log" : `Catatan tidak dapat diambil (${error.message})`);
                return finish("fail", "GAGAL: catatan ini tidak ada di log transparansi.");
              }
              step(true, `Catatan ditemukan: ${record.kind}, daun nomor ${record.leafIndex}`);
              $("check-record").textContent = JSON.stringify(record.record, null, 2);
              $("check-record").hidden = false;

              const commitment = await sha256(join(bytesOf(record.salt), utf8(canonical(record.record))));
              const leafHash = await sha256(join([0], commitment));
              if (!step(same(leafHash, bytesOf(record.leafHash)), "Komitmen SHA-256(salt ‖ JSON kanonis) cocok dengan hash daun")) {
                return finish("fail", "GAGAL: isi catatan tidak cocok dengan komitmen di log (catatan diubah).");
              }

              const [note, key] = await Promise.all([
                fetch("/v1/log/checkpoint").then((r) => { if (!r.ok) throw new Error(`checkpoint HTTP ${r.status}`); return r.text(); }),
                getJSON("/v1/log/key"),
              ]);
              const checkpoint = parseCheckpoint(note);
              if (!step(checkpoint.origin === key.origin, `Checkpoint log "${checkpoint.origin}", ukuran ${checkpoint.size}`)) {
                return finish("fail", "GAGAL: checkpoint bukan dari log ini.");
              }
              if (!step(await verifySignature(checkpoint, key), `Tanda tangan Ed25519 checkpoint oleh ${key.keyName} sah`)) {
                return finish("fail", "GAGAL: tanda tangan checkpoint tidak sah.");
              }
              if (record.leafIndex >= checkpoint.size) {
                step(false, "Catatan belum tercakup checkpoint terbaru");
                return finish("fail", "Belum dapat dipastikan: coba lagi setelah checkpoint berikutnya.");
              }
              const proof = await getJSON(`/v1/log/proofs/inclusion?leafIndex=${record.leafIndex}&treeSize=${checkpoint.size}`);
              const root = await rootFromInclusion(record.leafIndex, checkpoint.size, leafHash, proof.hashes.map(bytesOf));
              if (!step(same(root, checkpoint.root), `Bukti inklusi (${proof.hashes.length} hash) menghasilkan akar checkpoint`)) {
                return finish("fail", "GAGAL: bukti inklusi tidak cocok dengan akar checkpoint.");
              }
              finish("ok", "SAH: catatan ini tercatat di log transparansi dan tidak diubah.");
            } catch (error) {
              step(false, `Pemeriksaan gagal: ${error.message}`);
              finish("fail", "GAGAL: catatan tidak dapat dibuktikan.");
            }
          }

          document.addEventListener("DOMContentLoaded", () => {
            $("session-select").addEventListener("change", connect);
            $("site-select").addEventListener("change", connect);
            $("check-form").addEventListener("submit", (event) => {
              event.preventDefault();
              const recordId = $("record-id").value.trim();
              if (recordId) checkRecord(recordId);
            });
            loadSessions();
            setInterval(loadSessions, 60000);
            connect();
            loadAnnouncements();
          });
        })();

        """#
}
