export const USAGE = `Usage: postmortem <command> [options]

Write blameless incident postmortems in Markdown; check them and share them in
the open Postmortem Format (JSON or YAML).

Commands:
  lint PATH...       Check postmortems (files, or folders searched for
                     *.postmortem.md) and report their problems.
  export FILE        Export a postmortem to the Postmortem Format.
  validate FILE      Check a Postmortem Format file (.json, .yaml or .yml).
  timeline FILE      Print a postmortem's timeline (JSON, Markdown table or SVG).

Options:
  -h, --help         Show help (also: postmortem <command> --help)
  -v, --version      Show the version

Exit codes: 0 clean, 1 problems found or document invalid, 2 bad usage or
unreadable input.
`;

export const COMMAND_USAGE = {
  lint: `Usage: postmortem lint PATH... [--format stylish|json|sarif] [options]

Checks each postmortem with the editor's rules and prints its findings. A PATH
that is a folder is searched recursively for *.postmortem.md (node_modules and
dot-folders skipped). Each file uses the nearest .postmortemrc.json,
.postmortemrc.yaml or .postmortemrc.yml in its folder or a parent folder.

Options:
  -f, --format stylish|json|sarif
                          Output format (default: stylish). json prints an
                          array of {file, line, column, endLine, endColumn,
                          rule, category, severity, message} (1-based); sarif
                          prints a SARIF 2.1.0 log for code-scanning tools.
  -c, --config FILE       Use FILE for every postmortem instead of the
                          nearest .postmortemrc
      --max-warnings N    Fail only when there are errors or more than N
                          warnings (default: any warning fails)
      --fix               Apply every mechanical fix to the files, then report
                          what is left

Exits 0 when clean (information only), 1 when an error or warning is found,
2 when a path or configuration file cannot be read or is invalid.
`,
  export: `Usage: postmortem export FILE [--format json|yaml] [-o OUT] [--force]

Exports FILE to the Postmortem Format. The document is validated first:
when it is not valid nothing is written and each error is printed as
FILE:LINE:COL  field /pointer: message (exit 1).

Options:
  -f, --format json|yaml   Output format (default: json, or OUT's extension)
  -o, --output OUT         Output file, folder, or - for stdout
                           (default: beside FILE, x.postmortem.md ->
                           x.postmortem.json or .yaml)
      --force              Overwrite an existing output file
`,
  validate: `Usage: postmortem validate FILE [--format json|yaml]

Checks that FILE is a valid Postmortem Format 1.0 document and prints each
error as FILE:LINE:COL  field /pointer: message. Exits 0 when valid, 1 when
not, 2 when FILE cannot be read.

Options:
  -f, --format json|yaml   Read FILE as this format (default: from its
                           extension: .json, .yaml or .yml)
`,
  timeline: `Usage: postmortem timeline FILE [--format json|markdown|svg] [-o OUT] [--force]

Prints the timeline the editor's Timeline view shows: entries in chronological
order with their milestones, and the durations.

  json       {"entries": [{"at", "text", "source", "milestone", "line"}],
              "milestones": {"started", "detected", "mitigated", "resolved"},
              "durations": {"timeToDetectSeconds", "timeToMitigateSeconds",
              "timeToResolveSeconds"}}; times are ISO 8601 UTC, unknown
              values null. Entries whose time cannot be resolved are left out.
  markdown   a table: Time (UTC) | Source | Event | Milestone
  svg        the picture the view's "Export Timeline as SVG" writes

Options:
  -f, --format json|markdown|svg   Output format (default: json, or OUT's
                                   extension: .json, .md, .svg)
  -o, --output OUT                 Write to OUT instead of stdout
      --force                      Overwrite an existing OUT
`,
} as const;
