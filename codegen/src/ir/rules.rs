//! An object's cross-field and conditional rules, resolved to field paths, and the order the checks
//! of them run in.

use super::Literal;

/// A cross-field or conditional rule, resolved to field paths.
#[derive(Debug, Clone)]
pub enum Rule {
    /// The target must be present (`required`) or absent (`!required`) when the condition holds /
    /// does not.
    Presence {
        target: FieldPath,
        condition: Condition,
        required: bool,
    },
    LessThan {
        field: FieldRef,
        than: FieldRef,
    },
    AtLeastOneOf {
        groups: Vec<Vec<FieldRef>>,
        text: String,
    },
}

/// Whether each of `finals`, fields of the object `target` leads to, is present, while `condition`
/// holds (`required`) or does not.
#[derive(Debug, Clone)]
pub struct Presence<'a> {
    pub target: &'a FieldPath,
    pub finals: Vec<&'a FieldRef>,
    pub condition: &'a Condition,
    pub required: bool,
}

/// One check of an object's rules, in the order `validate` makes them.
#[derive(Debug, Clone)]
pub enum RuleCheck<'a> {
    Presence(Presence<'a>),
    LessThan {
        field: &'a FieldRef,
        than: &'a FieldRef,
    },
    AtLeastOneOf {
        groups: &'a [Vec<FieldRef>],
        text: &'a str,
    },
}

/// The checks of `rules`, in order: consecutive presence rules with one condition over fields of
/// the same place (`members[].ecs_id` and `members[].ecs_name` when `member_type` is ecs) share one
/// test of the condition and one walk of the arrays, so that their violations come item by item.
/// The emitter prints these and the interpreter follows them, so both report in the same order.
pub fn rule_checks(rules: &[Rule]) -> Vec<RuleCheck<'_>> {
    let mut out = Vec::new();
    let mut rest = rules;
    while let Some((first, after)) = rest.split_first() {
        let (target, condition, required) = match first {
            Rule::Presence {
                target,
                condition,
                required,
            } => (target, condition, *required),
            Rule::LessThan { field, than } => {
                out.push(RuleCheck::LessThan { field, than });
                rest = after;
                continue;
            }
            Rule::AtLeastOneOf { groups, text } => {
                out.push(RuleCheck::AtLeastOneOf { groups, text });
                rest = after;
                continue;
            }
        };
        let shared = after
            .iter()
            .take_while(|rule| matches!(rule, Rule::Presence { target: t, condition: c, required: r } if *r == required && c.text == condition.text && same_place(t, target)))
            .count();
        let finals = std::iter::once(first)
            .chain(&after[..shared])
            .filter_map(|rule| match rule {
                Rule::Presence { target, .. } => target.steps.last().map(|step| &step.field),
                _ => None,
            })
            .collect();
        out.push(RuleCheck::Presence(Presence {
            target,
            finals,
            condition,
            required,
        }));
        rest = &after[shared..];
    }
    out
}

/// Whether two paths lead to fields of the same object: the same steps but for the last.
fn same_place(a: &FieldPath, b: &FieldPath) -> bool {
    let steps = |p: &FieldPath| {
        p.steps[..p.steps.len().saturating_sub(1)]
            .iter()
            .map(|s| (s.field.wire.clone(), s.array))
            .collect::<Vec<_>>()
    };
    a.steps.len() == b.steps.len() && steps(a) == steps(b)
}

/// A field of the object a rule belongs to.
#[derive(Debug, Clone)]
pub struct FieldRef {
    pub ident: String,
    pub wire: String,
    pub optional: bool,
    /// Its position in its table, which the one-pass reader reports a nested object's fields by.
    pub position: usize,
}

/// A path from an object to a field nested in objects and arrays (`members[].host`).
#[derive(Debug, Clone)]
pub struct FieldPath {
    pub steps: Vec<Step>,
}

/// One step of a field path.
#[derive(Debug, Clone)]
pub struct Step {
    pub field: FieldRef,
    pub array: bool,
}

/// `field` has one of `values`; an absent field counts as its documented default.
#[derive(Debug, Clone)]
pub struct Condition {
    pub field: FieldRef,
    pub values: Vec<Literal>,
    /// Whether the condition holds when the field is absent (its default is among `values`).
    pub absent_holds: bool,
    /// The condition in words, e.g. `type is 3`.
    pub text: String,
}
