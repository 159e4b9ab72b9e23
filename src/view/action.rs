//! The reader's actions: what a key, a mouse event or a resize asks the view to do.
//! Bindable actions have a snake_case name (the keymap vocabulary); the rest are internal.

/// One thing the user (or the terminal) asks the reader to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    LineDown,
    LineUp,
    HalfPageDown,
    HalfPageUp,
    PageDown,
    PageUp,
    Top,
    Bottom,
    NextSection,
    PrevSection,
    NextSentence,
    PrevSentence,
    /// Move focus between the article and the actor panel.
    FocusNext,
    /// Enter: select or deselect the actor under the panel cursor.
    Activate,
    /// n: next mention of the selected actors, or next search match while a search is active.
    NextMatch,
    PrevMatch,
    /// f: show only the paragraphs mentioning the selected actors.
    Filter,
    /// Switch the filter between "all of the selected actors" and "any of them".
    FilterMode,
    /// F: clear the filter.
    ClearFilter,
    /// `/`: start an incremental search.
    Search,
    TogglePanel,
    Help,
    /// v: start (or cancel) a sentence selection at the cursor.
    Select,
    /// h: save the selection (or the cursor's sentence) as a highlight.
    Highlight,
    /// a: add or edit the note of the highlight under the cursor.
    Note,
    /// m: list the highlights and notes.
    Marks,
    /// e: export the highlights (Markdown or JSON).
    Export,
    /// d: delete the highlight under the cursor (or the list's), after a confirmation.
    DeleteHighlight,
    /// Esc: close what is open (help, search), else leave the panel.
    Close,
    Quit,
    // Internal actions: never bound in the keymap.
    /// The terminal now has this size.
    Resize {
        width: u16,
        height: u16,
    },
    /// A character typed into the search prompt.
    SearchInput(char),
    SearchBackspace,
    /// Enter in the search prompt: keep the search, leave the prompt.
    SearchConfirm,
    /// y / n answering a confirmation.
    Answer(bool),
    /// The export format chosen in the export prompt.
    ExportAs(super::notes::ExportFormat),
    /// Note editor: a typed character, a new line, editing and cursor keys, Enter (save).
    EditChar(char),
    EditNewline,
    EditBackspace,
    EditDelete,
    EditLeft,
    EditRight,
    EditHome,
    EditEnd,
    EditUp,
    EditDown,
    EditSave,
    /// Mouse wheel: scroll the pane under the pointer by this many lines.
    Wheel {
        x: u16,
        y: u16,
        lines: i16,
    },
    /// Mouse click at a terminal cell.
    Click {
        x: u16,
        y: u16,
    },
}

/// Bindable actions and their names in `keymap.toml` / `config.toml`.
pub const BINDABLE: &[(&str, Action)] = &[
    ("line_down", Action::LineDown),
    ("line_up", Action::LineUp),
    ("half_page_down", Action::HalfPageDown),
    ("half_page_up", Action::HalfPageUp),
    ("page_down", Action::PageDown),
    ("page_up", Action::PageUp),
    ("top", Action::Top),
    ("bottom", Action::Bottom),
    ("next_section", Action::NextSection),
    ("prev_section", Action::PrevSection),
    ("next_sentence", Action::NextSentence),
    ("prev_sentence", Action::PrevSentence),
    ("focus_next", Action::FocusNext),
    ("activate", Action::Activate),
    ("next_mention", Action::NextMatch),
    ("prev_mention", Action::PrevMatch),
    ("filter", Action::Filter),
    ("filter_mode", Action::FilterMode),
    ("clear_filter", Action::ClearFilter),
    ("search", Action::Search),
    ("toggle_panel", Action::TogglePanel),
    ("help", Action::Help),
    ("select", Action::Select),
    ("highlight", Action::Highlight),
    ("note", Action::Note),
    ("marks", Action::Marks),
    ("export", Action::Export),
    ("delete_highlight", Action::DeleteHighlight),
    ("close", Action::Close),
    ("quit", Action::Quit),
];

impl Action {
    /// The bindable action called `name`, if any.
    pub fn from_name(name: &str) -> Option<Action> {
        BINDABLE.iter().find(|(n, _)| *n == name).map(|(_, a)| *a)
    }

    /// The keymap name of a bindable action.
    pub fn name(self) -> Option<&'static str> {
        BINDABLE.iter().find(|(_, a)| *a == self).map(|(n, _)| *n)
    }
}
