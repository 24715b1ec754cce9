//! The engine as it was before the rewrite, kept only to show that the new one plans the same:
//! the test below compares their JSON plans for every shipped region × example family × day ×
//! progress state, and synthetic playbooks of 100, 1,000 and 10,000 steps.

mod index;
mod json;
mod order;
mod plan;

#[cfg(test)]
mod equivalence;
