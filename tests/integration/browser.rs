//! A real browser: Debian's chromium renders the page headless to a screenshot, a DOM and a
//! PDF. `.ci/run` installs chromium (with `fonts-noto-cjk` and `poppler-utils` for `pdfinfo`),
//! so CI always runs these; on a machine without chromium they are skipped with a note.

use crate::examples::{examples, family};
use scraper::{Html, Selector};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};
use tempfile::TempDir;

/// `NEWBORN_CHROMIUM`, else the first of Debian's and others' names on the PATH.
fn chromium() -> Option<PathBuf> {
    if let Some(path) = std::env::var_os("NEWBORN_CHROMIUM") {
        return Some(path.into());
    }
    ["chromium", "chromium-browser", "google-chrome"]
        .iter()
        .find_map(|name| on_path(name))
}

fn on_path(name: &str) -> Option<PathBuf> {
    std::env::split_paths(&std::env::var_os("PATH")?)
        .map(|dir| dir.join(name))
        .find(|p| p.is_file())
}

/// Whether a tool the test needs is missing: on CI that fails the test (`.ci/run` installs it);
/// elsewhere the test is skipped with a note.
fn missing(tool: &str, found: bool) -> bool {
    if found {
        return false;
    }
    assert!(
        std::env::var_os("CI").is_none(),
        "{tool} is missing on CI: .ci/run installs it (apt-get install chromium fonts-noto-cjk poppler-utils)"
    );
    eprintln!(
        "note: {tool} is not installed: browser test skipped (apt-get install -y chromium fonts-noto-cjk poppler-utils)"
    );
    true
}

/// Headless chromium, as root-safe as it gets: no sandbox (root), no GPU, nothing fetched in
/// the background, a new profile each run.
struct Browser {
    bin: PathBuf,
    /// Where the pages and the outputs go.
    dir: TempDir,
}

impl Browser {
    fn new() -> Option<Browser> {
        let bin = chromium();
        if missing("chromium", bin.is_some()) {
            return None;
        }
        Some(Browser {
            bin: bin.unwrap(),
            dir: TempDir::new().unwrap(),
        })
    }

    /// Writes `page` to a file and returns its path.
    fn page(&self, name: &str, page: &str) -> PathBuf {
        let path = self.dir.path().join(name);
        std::fs::write(&path, page).unwrap();
        path
    }

    /// Runs chromium on the file `page` with `args`; fails after two minutes.
    fn run(&self, page: &Path, args: &[String]) -> Output {
        let profile = TempDir::new().unwrap();
        let mut child = Command::new(&self.bin)
            .args([
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--hide-scrollbars",
                "--disable-dev-shm-usage",
            ])
            .arg(format!("--user-data-dir={}", profile.path().display()))
            .args(args)
            .arg(format!("file://{}", page.display()))
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("chromium starts");
        // Read the output as it comes, so that a large DOM does not block the pipe.
        let stdout = child.stdout.take().unwrap();
        let reader = std::thread::spawn(move || {
            let mut buf = Vec::new();
            std::io::Read::read_to_end(&mut { stdout }, &mut buf).map(|_| buf)
        });
        let start = Instant::now();
        let status = loop {
            if let Some(status) = child.try_wait().unwrap() {
                break status;
            }
            if start.elapsed() > Duration::from_secs(120) {
                let _ = child.kill();
                let _ = child.wait();
                panic!("chromium did not finish in 2 minutes: {args:?}");
            }
            std::thread::sleep(Duration::from_millis(50));
        };
        let stdout = reader.join().unwrap().unwrap();
        let mut stderr = Vec::new();
        if let Some(mut e) = child.stderr.take() {
            let _ = std::io::Read::read_to_end(&mut e, &mut stderr);
        }
        assert!(
            status.success(),
            "chromium failed: {}",
            String::from_utf8_lossy(&stderr)
        );
        Output {
            status,
            stdout,
            stderr,
        }
    }

    fn screenshot(&self, page: &Path, width: u32, height: u32) -> PathBuf {
        let png = page.with_extension(format!("{width}.png"));
        self.run(
            page,
            &[
                format!("--window-size={width},{height}"),
                format!("--screenshot={}", png.display()),
            ],
        );
        png
    }

    fn dom(&self, page: &Path) -> String {
        String::from_utf8(self.run(page, &["--dump-dom".to_string()]).stdout).unwrap()
    }

    fn pdf(&self, page: &Path) -> PathBuf {
        let pdf = page.with_extension("pdf");
        self.run(
            page,
            &[
                "--no-pdf-header-footer".to_string(),
                format!("--print-to-pdf={}", pdf.display()),
            ],
        );
        pdf
    }
}

/// The example family `stem`'s page and `plan --json`, in `lang`.
fn example(stem: &str, lang: &str) -> (String, serde_json::Value) {
    let (_, ex) = examples()
        .into_iter()
        .find(|(p, _)| p.file_stem().unwrap() == stem)
        .unwrap_or_else(|| panic!("no example {stem}"));
    let page = family(&ex, &["--lang", lang, "export", "--format", "html"]).run();
    let plan = family(&ex, &["plan", "--json"]).run();
    (
        String::from_utf8(page.stdout).unwrap(),
        serde_json::from_slice(&plan.stdout).unwrap(),
    )
}

/// The example families `<region>-typical`.
fn typical() -> Vec<String> {
    let mut out: Vec<String> = examples()
        .into_iter()
        .map(|(p, _)| p.file_stem().unwrap().to_string_lossy().into_owned())
        .filter(|s| s.ends_with("-typical"))
        .collect();
    out.sort();
    assert!(out.len() >= 6, "{out:?}");
    out
}

/// Distinct colours and the share of pixels that are not white, of a PNG.
fn colours(png: &Path) -> (usize, f64) {
    let decoder = png::Decoder::new(std::io::BufReader::new(std::fs::File::open(png).unwrap()));
    let mut reader = decoder.read_info().unwrap();
    let mut buf = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut buf).unwrap();
    let channels = info.color_type.samples();
    assert!(channels >= 3, "{:?}", info.color_type);
    let pixels = &buf[..info.buffer_size()];
    let mut seen = std::collections::HashSet::new();
    let mut ink = 0usize;
    let total = pixels.len() / channels;
    for px in pixels.chunks(channels) {
        let rgb = (px[0], px[1], px[2]);
        seen.insert(rgb);
        if rgb.0 < 245 || rgb.1 < 245 || rgb.2 < 245 {
            ink += 1;
        }
    }
    (seen.len(), ink as f64 / total as f64)
}

#[test]
fn chromium_draws_the_page_at_desktop_and_phone_widths_and_it_is_not_blank() {
    let Some(browser) = Browser::new() else {
        return;
    };
    let (page, _) = example("hebei-typical", "zh");
    let file = browser.page("page.html", &page);
    for (width, height) in [(900, 1400), (390, 1600)] {
        let png = browser.screenshot(&file, width, height);
        let (distinct, ink) = colours(&png);
        assert!(distinct >= 64, "{width}px: {distinct} colours");
        assert!(ink >= 0.05, "{width}px: {:.1}% not white", ink * 100.0);
    }
}

#[test]
fn chromiums_dom_of_every_typical_familys_page_has_every_step_title() {
    let Some(browser) = Browser::new() else {
        return;
    };
    for stem in typical() {
        for lang in ["zh", "en"] {
            let (page, plan) = example(&stem, lang);
            let file = browser.page(&format!("{stem}.{lang}.html"), &page);
            let dom = Html::parse_document(&browser.dom(&file));
            let text: String = dom.root_element().text().collect();
            for s in plan["steps"].as_array().unwrap() {
                let title = match (lang, s["title_en"].as_str()) {
                    ("en", Some(en)) => en,
                    _ => s["title"].as_str().unwrap(),
                };
                assert!(
                    text.contains(title),
                    "{stem} {lang}: the DOM lacks {title:?}"
                );
            }
            let marks = Selector::parse("svg [data-step]").unwrap();
            assert!(
                dom.select(&marks).count() > 0,
                "{stem} {lang}: the timeline is in the DOM"
            );
        }
    }
}

#[test]
fn every_typical_familys_page_prints_on_at_most_six_a4_pages() {
    let Some(browser) = Browser::new() else {
        return;
    };
    let pdfinfo = on_path("pdfinfo");
    if missing("pdfinfo (poppler-utils)", pdfinfo.is_some()) {
        return;
    }
    for stem in typical() {
        let (page, _) = example(&stem, "zh");
        let pdf = browser.pdf(&browser.page(&format!("{stem}.html"), &page));
        let out = Command::new(pdfinfo.as_ref().unwrap())
            .arg(&pdf)
            .output()
            .unwrap();
        let info = String::from_utf8_lossy(&out.stdout);
        let field = |name: &str| {
            info.lines()
                .find_map(|l| l.strip_prefix(name))
                .map(str::trim)
                .unwrap_or_else(|| panic!("pdfinfo has no {name}\n{info}"))
                .to_string()
        };
        let pages: usize = field("Pages:").parse().unwrap();
        assert!((1..=6).contains(&pages), "{stem}: {pages} pages");
        assert!(field("Page size:").contains("(A4)"), "{stem}: {info}");
    }
}

/// Measures the timeline's labels as chromium lays them out (`getBBox`) and lists those that
/// overlap another or leave the picture. Only this test copy of the page has a script.
const MEASURE: &str = r#"<script>
(function () {
  var out = [], count = 0;
  document.querySelectorAll('svg.tl').forEach(function (svg) {
    var vb = svg.viewBox.baseVal, name = svg.getAttribute('data-family');
    var boxes = [].slice.call(svg.querySelectorAll('text.label')).map(function (t) {
      var b = t.getBBox();
      // The glyphs, not the line box.
      return {x0: b.x, x1: b.x + b.width, y0: b.y + 0.2 * b.height, y1: b.y + 0.85 * b.height,
              text: t.textContent, parent: t.parentNode};
    });
    count += boxes.length;
    boxes.forEach(function (a, i) {
      if (a.x0 < vb.x - 0.5 || a.x1 > vb.x + vb.width + 0.5) out.push(name + ': outside: ' + a.text);
      boxes.slice(i + 1).forEach(function (b) {
        if (a.parent === b.parent) return;
        if (a.x0 < b.x1 - 0.5 && b.x0 < a.x1 - 0.5 && a.y0 < b.y1 && b.y0 < a.y1)
          out.push(name + ': overlap: ' + a.text + ' | ' + b.text);
      });
    });
  });
  var pre = document.createElement('pre');
  pre.id = 'measured';
  pre.setAttribute('data-labels', count);
  pre.textContent = out.join('\n');
  document.body.appendChild(pre);
})();
</script>"#;

#[test]
fn in_chromium_no_timeline_label_overlaps_another_or_leaves_the_picture() {
    let Some(browser) = Browser::new() else {
        return;
    };
    // Every example family's timeline, in both languages, on one page.
    let mut page = String::from("<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body>");
    let mut pictures = 0;
    for (path, ex) in examples() {
        let stem = path.file_stem().unwrap().to_string_lossy().into_owned();
        for lang in ["zh", "en"] {
            let svg = family(&ex, &["--lang", lang, "export", "--format", "svg"]).run();
            let svg = String::from_utf8(svg.stdout).unwrap();
            let svg = &svg[svg.find("<svg").unwrap()..];
            page.push_str(&svg.replacen(
                "<svg ",
                &format!("<svg data-family=\"{stem} {lang}\" "),
                1,
            ));
            pictures += 1;
        }
    }
    page.push_str(MEASURE);
    page.push_str("</body></html>");
    let dom = Html::parse_document(&browser.dom(&browser.page("all.html", &page)));
    let measured = dom
        .select(&Selector::parse("#measured").unwrap())
        .next()
        .expect("the measuring script ran");
    let labels: usize = measured
        .value()
        .attr("data-labels")
        .unwrap()
        .parse()
        .unwrap();
    assert!(
        labels >= pictures * 4,
        "{labels} labels in {pictures} pictures"
    );
    let found: String = measured.text().collect();
    assert!(
        found.is_empty(),
        "labels overlap or leave the picture:\n{found}"
    );
}
