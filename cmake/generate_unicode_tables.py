#!/usr/bin/env python3
"""Generates shared/core/text's Unicode property tables from the Unicode Character Database.

    generate_unicode_tables.py UNICODE_DIR OUTPUT.cpp

UNICODE_DIR is Debian's unicode-data folder (/usr/share/unicode). The output defines the functions
declared in shared/core/text/unicode_properties.h: Bidi_Class (extracted/DerivedBidiClass.txt,
defaults from its @missing lines), Bidi_Mirroring_Glyph (BidiMirroring.txt), Bidi_Paired_Bracket
and its type (BidiBrackets.txt, with the canonical equivalent of each bracket from UnicodeData.txt),
Joining_Type (extracted/DerivedJoiningType.txt), Default_Ignorable_Code_Point
(DerivedCoreProperties.txt) and the Arabic presentation forms of each letter and of lam-alef
(the <isolated>/<final>/<initial>/<medial> decompositions in UnicodeData.txt).

Nothing here is typed by hand: a new Unicode version is a new Debian package and a rebuild.
"""
import os
import re
import sys

BIDI_CLASSES = ["L", "R", "AL", "EN", "ES", "ET", "AN", "CS", "NSM", "BN", "B", "S", "WS", "ON",
                "LRE", "LRO", "RLE", "RLO", "PDF", "LRI", "RLI", "FSI", "PDI"]
JOINING_TYPES = {"U": "NonJoining", "R": "RightJoining", "L": "LeftJoining", "D": "DualJoining",
                 "C": "JoinCausing", "T": "Transparent"}
MAX_CODE_POINT = 0x10FFFF


def data_lines(path):
    """Yields (fields, comment) for each data line; fields are stripped, split on ';'."""
    with open(path, encoding="utf-8") as f:
        for line in f:
            body = line.split("#", 1)[0].strip()
            if body:
                yield [field.strip() for field in body.split(";")]


def code_point_range(text):
    if ".." in text:
        first, last = text.split("..")
        return int(first, 16), int(last, 16)
    return int(text, 16), int(text, 16)


def long_value_names(unicode_dir, property_short):
    """Maps long value names (Arabic_Letter) to short ones (AL) from PropertyValueAliases.txt."""
    names = {}
    for fields in data_lines(os.path.join(unicode_dir, "PropertyValueAliases.txt")):
        if fields[0] == property_short:
            names[fields[2]] = fields[1]
            names[fields[1]] = fields[1]
    return names


def derived_property(unicode_dir, relative_path, property_short):
    """A full code point → value array from a derived file, @missing defaults applied first."""
    path = os.path.join(unicode_dir, relative_path)
    names = long_value_names(unicode_dir, property_short)
    values = [None] * (MAX_CODE_POINT + 1)
    missing = re.compile(r"#\s*@missing:\s*([0-9A-F.]+)\s*;\s*(\w+)")
    with open(path, encoding="utf-8") as f:
        for line in f:
            match = missing.match(line)
            if match:
                first, last = code_point_range(match.group(1))
                value = names[match.group(2)]
                values[first:last + 1] = [value] * (last - first + 1)
    for fields in data_lines(path):
        first, last = code_point_range(fields[0])
        value = names[fields[1]]
        values[first:last + 1] = [value] * (last - first + 1)
    return values


def runs(values):
    """(first code point, value) at every change of value."""
    result = []
    previous = object()
    for code_point, value in enumerate(values):
        if value != previous:
            result.append((code_point, value))
            previous = value
    return result


def unicode_data(unicode_dir):
    """(code point, decomposition field) for each UnicodeData.txt line that has one."""
    for fields in data_lines(os.path.join(unicode_dir, "UnicodeData.txt")):
        if fields[5]:
            yield int(fields[0], 16), fields[5]


def bidi_class_table(unicode_dir):
    values = derived_property(unicode_dir, "extracted/DerivedBidiClass.txt", "bc")
    entries = []
    for first, value in runs(values):
        entries.append("0x%08X" % ((first << 5) | BIDI_CLASSES.index(value)))
    return entries


# Joining types matter only where the shaper has presentation forms (the Arabic blocks) and for
# what may sit between Arabic letters: combining marks, ZWNJ/ZWJ and the bidi controls of General
# Punctuation, variation selectors. Elsewhere the table reads non-joining, which keeps it small.
JOINING_SCOPE = [(0x0000, 0x08FF), (0x2000, 0x206F), (0xFE00, 0xFE0F)]


def joining_type_table(unicode_dir):
    values = derived_property(unicode_dir, "extracted/DerivedJoiningType.txt", "jt")
    scoped = ["U"] * (MAX_CODE_POINT + 1)
    for first, last in JOINING_SCOPE:
        scoped[first:last + 1] = values[first:last + 1]
    return [(first, JOINING_TYPES[value]) for first, value in runs(scoped[:0x10000])]


def default_ignorable_ranges(unicode_dir):
    ranges = []
    for fields in data_lines(os.path.join(unicode_dir, "DerivedCoreProperties.txt")):
        if fields[1] == "Default_Ignorable_Code_Point":
            ranges.append(code_point_range(fields[0]))
    ranges.sort()
    merged = []
    for first, last in ranges:
        if merged and merged[-1][1] + 1 == first:
            merged[-1] = (merged[-1][0], last)
        else:
            merged.append((first, last))
    return merged


def mirroring_pairs(unicode_dir):
    pairs = []
    for fields in data_lines(os.path.join(unicode_dir, "BidiMirroring.txt")):
        pairs.append((int(fields[0], 16), int(fields[1], 16)))
    return sorted(pairs)


def bracket_table(unicode_dir):
    singleton = {}  # canonical singleton decompositions (U+2329 → U+3008)
    for code_point, decomposition in unicode_data(unicode_dir):
        if not decomposition.startswith("<") and " " not in decomposition:
            singleton[code_point] = int(decomposition, 16)
    brackets = []
    for fields in data_lines(os.path.join(unicode_dir, "BidiBrackets.txt")):
        code_point = int(fields[0], 16)
        paired = int(fields[1], 16)
        kind = {"o": "Open", "c": "Close"}[fields[2]]
        brackets.append((code_point, paired, kind, singleton.get(code_point, code_point)))
    return sorted(brackets)


def check_brackets_pair_with_mirrors(brackets, mirrors):
    """Bidi_Paired_Bracket equals Bidi_Mirroring_Glyph for every bracket: one table serves both."""
    mirror_of = dict(mirrors)
    for code_point, paired, _, _ in brackets:
        if mirror_of.get(code_point) != paired:
            sys.exit("U+%04X: paired bracket U+%04X is not its mirror" % (code_point, paired))
        if code_point > 0xFFFF or paired > 0xFFFF:
            sys.exit("U+%04X: brackets beyond the BMP need a wider table" % code_point)


def arabic_forms(unicode_dir):
    """Presentation forms per base letter; Forms-B (FE70–FEFF) win over Forms-A where both exist."""
    forms = {}
    lam_alef = {}
    form_names = ("isolated", "final", "initial", "medial")
    for code_point, decomposition in unicode_data(unicode_dir):
        in_forms_a = 0xFB50 <= code_point <= 0xFDFF
        in_forms_b = 0xFE70 <= code_point <= 0xFEFF
        if not (in_forms_a or in_forms_b):
            continue
        match = re.fullmatch(r"<(\w+)> ([0-9A-F ]+)", decomposition)
        if not match or match.group(1) not in form_names:
            continue
        form = match.group(1)
        parts = [int(p, 16) for p in match.group(2).split()]
        if len(parts) == 1:
            slot = forms.setdefault(parts[0], {})
            if form not in slot or in_forms_b:
                slot[form] = code_point
        elif len(parts) == 2 and parts[0] == 0x0644 and in_forms_b:
            lam_alef.setdefault(parts[1], {})[form] = code_point
    rows = []
    for base in sorted(forms):
        slot = forms[base]
        rows.append((base,) + tuple(slot.get(name, 0) for name in form_names))
    ligatures = [(alef, f.get("isolated", 0), f.get("final", 0)) for alef, f in sorted(lam_alef.items())]
    return rows, ligatures


def main():
    unicode_dir, output = sys.argv[1], sys.argv[2]
    version = "unknown"
    with open(os.path.join(unicode_dir, "extracted/DerivedBidiClass.txt"), encoding="utf-8") as f:
        match = re.match(r"# DerivedBidiClass-([0-9.]+)\.txt", f.readline())
        if match:
            version = match.group(1)

    def rows(items, per_line=6):
        lines = []
        for i in range(0, len(items), per_line):
            lines.append("    " + " ".join(item + "," for item in items[i:i + per_line]))
        return "\n".join(lines)

    bidi = bidi_class_table(unicode_dir)
    joining = joining_type_table(unicode_dir)
    ignorable = default_ignorable_ranges(unicode_dir)
    mirrors = mirroring_pairs(unicode_dir)
    brackets = bracket_table(unicode_dir)
    check_brackets_pair_with_mirrors(brackets, mirrors)
    forms, ligatures = arabic_forms(unicode_dir)
    if max(max(pair) for pair in mirrors) > 0xFFFF:
        sys.exit("mirrored glyphs beyond the BMP need a wider table")
    if any(max(row) > 0xFFFF for row in forms):
        sys.exit("presentation forms beyond the BMP need a wider table")
    canonical = [(b[0], b[3]) for b in brackets if b[3] != b[0]]
    joining_codes = {name: i for i, name in enumerate(["NonJoining", "RightJoining", "LeftJoining", "DualJoining", "JoinCausing", "Transparent"])}

    out = []
    out.append("// Generated by cmake/generate_unicode_tables.py from the Unicode Character Database %s" % version)
    out.append("// (Debian's unicode-data). Do not edit.")
    out.append('#include "shared/core/text/unicode_properties.h"')
    out.append("")
    out.append("#include <algorithm>")
    out.append("#include <cstdint>")
    out.append("#include <iterator>")
    out.append("")
    out.append("namespace support::text {")
    out.append("namespace {")
    out.append("")
    out.append("// (first code point << 5) | BidiClass, one entry where the class changes.")
    out.append("constexpr std::uint32_t k_bidi_class_runs[] = {")
    out.append(rows(bidi))
    out.append("};")
    out.append("")
    out.append("// (first code point << 3) | JoiningType, one entry where the type changes, below U+10000.")
    out.append("constexpr std::uint32_t k_joining_runs[] = {")
    out.append(rows(["0x%06X" % ((first << 3) | joining_codes[value]) for first, value in joining], 8))
    out.append("};")
    out.append("")
    out.append("struct CodePointRange {")
    out.append("    char32_t first;")
    out.append("    char32_t last;")
    out.append("};")
    out.append("constexpr CodePointRange k_default_ignorable[] = {")
    out.append(rows(["{0x%04X, 0x%04X}" % r for r in ignorable], 4))
    out.append("};")
    out.append("")
    out.append("// Bidi_Mirroring_Glyph, all in the BMP; a bracket's pair is its mirror (checked when generated).")
    out.append("struct MirrorPair {")
    out.append("    std::uint16_t code_point;")
    out.append("    std::uint16_t mirror;")
    out.append("};")
    out.append("constexpr MirrorPair k_mirrors[] = {")
    out.append(rows(["{0x%04X, 0x%04X}" % p for p in mirrors], 6))
    out.append("};")
    out.append("")
    out.append("// (code point << 1) | 1 for an opening bracket, 0 for a closing one.")
    out.append("constexpr std::uint32_t k_brackets[] = {")
    out.append(rows(["0x%05X" % ((b[0] << 1) | (1 if b[2] == "Open" else 0)) for b in brackets], 8))
    out.append("};")
    out.append("")
    out.append("// Brackets with a canonical singleton decomposition, and what they decompose to.")
    out.append("constexpr MirrorPair k_canonical_brackets[] = {")
    out.append(rows(["{0x%04X, 0x%04X}" % c for c in canonical], 4))
    out.append("};")
    out.append("")
    out.append("struct PackedForms {")
    out.append("    std::uint16_t base, isolated, final_form, initial, medial;")
    out.append("};")
    out.append("constexpr PackedForms k_arabic_forms[] = {")
    out.append(rows(["{0x%04X, 0x%04X, 0x%04X, 0x%04X, 0x%04X}" % f for f in forms], 3))
    out.append("};")
    out.append("")
    out.append("struct LamAlefLigature {")
    out.append("    std::uint16_t alef;")
    out.append("    std::uint16_t isolated;")
    out.append("    std::uint16_t final_form;")
    out.append("};")
    out.append("constexpr LamAlefLigature k_lam_alef[] = {")
    out.append(rows(["{0x%04X, 0x%04X, 0x%04X}" % l for l in ligatures], 3))
    out.append("};")
    out.append("")
    out.append("template <typename Table, typename Key>")
    out.append("const auto* find_exact(const Table& table, char32_t code_point, Key key) {")
    out.append("    const auto* end = std::end(table);")
    out.append("    const auto* it = std::lower_bound(std::begin(table), end, code_point,")
    out.append("                                      [&](const auto& entry, char32_t value) { return key(entry) < value; });")
    out.append("    return it != end && key(*it) == code_point ? it : nullptr;")
    out.append("}")
    out.append("")
    out.append("char32_t canonical_bracket(char32_t code_point) {")
    out.append("    const auto* entry = find_exact(k_canonical_brackets, code_point, [](const MirrorPair& p) -> char32_t { return p.code_point; });")
    out.append("    return entry != nullptr ? entry->mirror : code_point;")
    out.append("}")
    out.append("")
    out.append("} // namespace")
    out.append("")
    out.append('std::string_view unicode_data_version() { return "%s"; }' % version)
    out.append("")
    out.append("BidiClass bidi_class(char32_t code_point) {")
    out.append("    if (code_point > 0x10FFFF) {")
    out.append("        return BidiClass::L;")
    out.append("    }")
    out.append("    const std::uint32_t key = (static_cast<std::uint32_t>(code_point) << 5) | 31U;")
    out.append("    const auto* it = std::upper_bound(std::begin(k_bidi_class_runs), std::end(k_bidi_class_runs), key);")
    out.append("    return static_cast<BidiClass>(*(it - 1) & 31U);")
    out.append("}")
    out.append("")
    out.append("JoiningType joining_type(char32_t code_point) {")
    out.append("    if (code_point > 0xFFFF) {")
    out.append("        return JoiningType::NonJoining;")
    out.append("    }")
    out.append("    const std::uint32_t key = (static_cast<std::uint32_t>(code_point) << 3) | 7U;")
    out.append("    const auto* it = std::upper_bound(std::begin(k_joining_runs), std::end(k_joining_runs), key);")
    out.append("    return static_cast<JoiningType>(*(it - 1) & 7U);")
    out.append("}")
    out.append("")
    out.append("bool is_default_ignorable(char32_t code_point) {")
    out.append("    const auto* it = std::upper_bound(std::begin(k_default_ignorable), std::end(k_default_ignorable), code_point,")
    out.append("                                      [](char32_t value, const CodePointRange& range) { return value < range.first; });")
    out.append("    return it != std::begin(k_default_ignorable) && code_point <= (it - 1)->last;")
    out.append("}")
    out.append("")
    out.append("char32_t bidi_mirror(char32_t code_point) {")
    out.append("    const auto* entry = find_exact(k_mirrors, code_point, [](const MirrorPair& pair) -> char32_t { return pair.code_point; });")
    out.append("    return entry != nullptr ? entry->mirror : code_point;")
    out.append("}")
    out.append("")
    out.append("BidiBracket bidi_bracket(char32_t code_point) {")
    out.append("    const auto* entry = find_exact(k_brackets, code_point, [](std::uint32_t b) -> char32_t { return b >> 1; });")
    out.append("    if (entry == nullptr) {")
    out.append("        return {};")
    out.append("    }")
    out.append("    const BracketType type = (*entry & 1U) != 0 ? BracketType::Open : BracketType::Close;")
    out.append("    return {type, canonical_bracket(code_point), canonical_bracket(bidi_mirror(code_point))};")
    out.append("}")
    out.append("")
    out.append("std::optional<ArabicForms> arabic_forms(char32_t code_point) {")
    out.append("    const auto* f = find_exact(k_arabic_forms, code_point, [](const PackedForms& p) -> char32_t { return p.base; });")
    out.append("    if (f == nullptr) {")
    out.append("        return std::nullopt;")
    out.append("    }")
    out.append("    return ArabicForms{f->base, f->isolated, f->final_form, f->initial, f->medial};")
    out.append("}")
    out.append("")
    out.append("char32_t lam_alef_ligature(char32_t alef, bool final_form) {")
    out.append("    const auto* entry = find_exact(k_lam_alef, alef, [](const LamAlefLigature& l) -> char32_t { return l.alef; });")
    out.append("    if (entry == nullptr) {")
    out.append("        return 0;")
    out.append("    }")
    out.append("    return final_form ? entry->final_form : entry->isolated;")
    out.append("}")
    out.append("")
    out.append("} // namespace support::text")
    out.append("")

    text = "\n".join(out)
    if os.path.exists(output):
        with open(output, encoding="utf-8") as f:
            if f.read() == text:
                return
    with open(output + ".tmp", "w", encoding="utf-8") as f:
        f.write(text)
    os.replace(output + ".tmp", output)


if __name__ == "__main__":
    main()
