//! The terminal front end: the only code that imports ratatui and crossterm.
