//! What a viewer sees of each finding: masking operators and, later, roles.

pub mod mask;
