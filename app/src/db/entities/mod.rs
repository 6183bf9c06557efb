//! sea-orm entities, one module per table. They never cross the wire; DTOs do.

pub mod school;
