//! The reader's pure state machine: `ViewState`, `Action`, `update()`.
