//! Named entities: the 29 NEREL types with nesting, and a coarse PER/LOC/ORG view.
