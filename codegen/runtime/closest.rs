//! The likely meaning of a misspelled name: the closest of the known names by edit distance. One
//! file serves both sides: the generator's diagnostics use it for spec keys and type names, and
//! every generated crate carries it in its support module for the fields a request file adds by
//! mistake.

/// The closest of `candidates` to `name` by edit distance, counted in characters with case ignored,
/// if it is close enough to be a likely typo: at most a third of the candidate's length in
/// characters, and at least 2. Of equally close candidates, the one that sorts first.
pub fn closest<'a>(name: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let name: Vec<char> = name.to_lowercase().chars().collect();
    candidates
        .into_iter()
        .map(|candidate| {
            let lowered: Vec<char> = candidate.to_lowercase().chars().collect();
            (distance(&name, &lowered), lowered.len(), candidate)
        })
        .filter(|&(d, length, _)| d <= (length / 3).max(2))
        .min_by_key(|&(d, _, candidate)| (d, candidate))
        .map(|(_, _, candidate)| candidate)
}

/// The Levenshtein distance between two strings of characters.
fn distance(a: &[char], b: &[char]) -> usize {
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = (diagonal + usize::from(ca != cb))
                .min(row[j] + 1)
                .min(above + 1);
            diagonal = above;
        }
    }
    row[b.len()]
}
