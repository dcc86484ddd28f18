#!/usr/bin/env python3
"""Writes one synthetic course twice: as Gradus content and as a Hugo site with the same pages.

Usage: generate.py OUT_DIR LESSONS
OUT_DIR/gradus/content  a Gradus course (pt, de, en), LESSONS lessons per language
OUT_DIR/hugo            a Hugo site whose minimal layout shows the same things: title, body, language links,
                        previous/next links
"""
import os
import random
import sys

LANGS = ["pt", "de", "en"]
WORDS = {
    "pt": "gradiente camada peso rede ativação derivada perda taxa aprendizado regra cadeia valor norma".split(),
    "de": "Gradient Schicht Gewicht Netz Aktivierung Ableitung Verlust Lernrate Kettenregel Wert Norm".split(),
    "en": "gradient layer weight network activation derivative loss rate learning chain rule value norm".split(),
}


def sentence(rng, lang):
    words = [rng.choice(WORDS[lang]) for _ in range(rng.randint(8, 18))]
    words[0] = words[0].capitalize()
    if rng.random() < 0.3:
        i = rng.randrange(len(words))
        words[i] = f"**{words[i]}**"
    if rng.random() < 0.3:
        i = rng.randrange(len(words))
        words[i] = f"`{words[i]}`"
    return " ".join(words) + "."


def body(rng, lang, n, total):
    parts = []
    for section in range(4):
        parts.append(f"## {sentence(rng, lang)[:40].rstrip('.')} {section + 1} {{#s{section + 1}}}\n")
        for _ in range(3):
            parts.append(" ".join(sentence(rng, lang) for _ in range(4)) + "\n")
        parts.append("\n".join(f"- {sentence(rng, lang)}" for _ in range(4)) + "\n")
    nxt = n % total + 1
    parts.append(f"See [the next lesson](lesson-{nxt}.md#s1).\n")
    return "\n".join(parts)


def main():
    out, total = sys.argv[1], int(sys.argv[2])
    gradus = os.path.join(out, "gradus", "content")
    hugo = os.path.join(out, "hugo")
    os.makedirs(os.path.join(gradus, "lessons"), exist_ok=True)
    with open(os.path.join(gradus, "course.yml"), "w") as f:
        f.write("languages: [pt, de, en]\ndefault: pt\n")
    for lang in LANGS:
        with open(os.path.join(gradus, f"course.{lang}.md"), "w") as f:
            f.write(f"---\ntitle: Synthetic course {lang}\ndescription: Benchmark.\n---\nIntro.\n")
        os.makedirs(os.path.join(hugo, "content", lang), exist_ok=True)
    for n in range(1, total + 1):
        for lang in LANGS:
            rng = random.Random(n * 10 + LANGS.index(lang))
            title = f"Lesson {n} ({lang})"
            text = body(rng, lang, n, total)
            with open(os.path.join(gradus, "lessons", f"{n:04d}-lesson-{n}.{lang}.md"), "w") as f:
                f.write(f"---\ntitle: {title}\nsummary: {sentence(rng, lang)}\n---\n{text}")
            hugo_text = text.replace(f"(lesson-{n % total + 1}.md#s1)", f"({{{{< relref \"lesson-{n % total + 1}.md#s1\" >}}}})")
            with open(os.path.join(hugo, "content", lang, f"lesson-{n}.md"), "w") as f:
                f.write(f"---\ntitle: \"{title}\"\nweight: {n}\n---\n{hugo_text}")
    os.makedirs(os.path.join(hugo, "layouts", "_default"), exist_ok=True)
    with open(os.path.join(hugo, "config.toml"), "w") as f:
        f.write("""baseURL = "https://example.org/"
disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT"]
defaultContentLanguage = "pt"
defaultContentLanguageInSubdir = true
[markup.highlight]
  codeFences = false
[markup.goldmark.parser.attribute]
  title = true
[languages.pt]
  contentDir = "content/pt"
  weight = 1
[languages.de]
  contentDir = "content/de"
  weight = 2
[languages.en]
  contentDir = "content/en"
  weight = 3
""")
    layout = """<!DOCTYPE html>
<html lang="{{ .Language.Lang }}"><head><meta charset="utf-8"><title>{{ .Title }}</title></head><body>
<nav>{{ range .AllTranslations }}<a href="{{ .RelPermalink }}" hreflang="{{ .Language.Lang }}">{{ .Language.Lang }}</a> {{ end }}</nav>
<main><h1>{{ .Title }}</h1>{{ .Content }}</main>
<nav>{{ with .NextInSection }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}
{{ with .PrevInSection }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}</nav>
</body></html>
"""
    with open(os.path.join(hugo, "layouts", "_default", "single.html"), "w") as f:
        f.write(layout)
    with open(os.path.join(hugo, "layouts", "_default", "list.html"), "w") as f:
        f.write("<!DOCTYPE html><html><head><title>{{ .Title }}</title></head><body>"
                "{{ range .Pages }}<a href=\"{{ .RelPermalink }}\">{{ .Title }}</a>{{ end }}</body></html>\n")


if __name__ == "__main__":
    main()
