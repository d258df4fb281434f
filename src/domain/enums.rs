//! Enumerations stored as text, with their Japanese labels for people.

/// Defines a snake_case string enum with its database text and Japanese label.
#[macro_export]
macro_rules! text_enum {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident => $text:literal, $label:literal;)* }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize, utoipa::ToSchema)]
        #[serde(rename_all = "snake_case")]
        pub enum $name {
            $($(#[$vmeta])* $variant,)*
        }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant,)*];

            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text,)* }
            }

            /// Japanese label shown to people.
            pub fn label(self) -> &'static str {
                match self { $($name::$variant => $label,)* }
            }

            /// Reads the stored text; unknown text is a database fault.
            pub fn from_db(text: &str) -> Result<Self, $crate::error::ApiError> {
                Self::ALL.iter().copied().find(|v| v.as_str() == text).ok_or_else(|| {
                    $crate::error::ApiError::Internal(format!("unknown {} in database: {text}", stringify!($name)))
                })
            }

            /// Accepts the Japanese label as printed on sheets (import paths).
            pub fn from_label(text: &str) -> Option<Self> {
                let text = text.trim();
                Self::ALL.iter().copied().find(|v| v.label() == text || v.as_str() == text)
            }
        }
    };
}

text_enum! {
    /// What kind of body a department is.
    DepartmentKind {
        /// A section of the city (課).
        CityDepartment => "city_department", "市の担当課";
        /// The social welfare council (社会福祉協議会).
        Council => "council", "社会福祉協議会";
        /// Any other body.
        Other => "other", "その他";
    }
}

text_enum! {
    /// Life cycle of a plan. Published plans are visible to the public portal.
    PlanStatus {
        Draft => "draft", "作成中";
        Published => "published", "公開";
        Archived => "archived", "終了";
    }
}

text_enum! {
    /// Whether an initiative is still carried out.
    InitiativeStatus {
        Active => "active", "実施中";
        Completed => "completed", "完了";
        Discontinued => "discontinued", "廃止";
    }
}

text_enum! {
    /// How the committee packet lays out a plan's initiatives (docs/reporting.md).
    PacketLayout {
        /// A block per node with initiatives (事業), a row per initiative with its indicators and
        /// the actuals and ratings of the last three years side by side (A4 landscape).
        NodeTable => "node_table", "事業ごとの表";
        /// A page per initiative: what it is, then a row per fiscal year of the plan period (A4 portrait).
        PerInitiative => "per_initiative", "取組ごとのシート";
        /// Per initiative the year's plan and the four quarters' plans with their ○ × — (A4 landscape).
        Quarterly => "quarterly", "四半期の進行管理表";
    }
}

impl PacketLayout {
    /// The layout a plan's shape suggests: quarterly plans by quarter, the others by node.
    pub fn default_for(quarterly: bool) -> PacketLayout {
        if quarterly {
            PacketLayout::Quarterly
        } else {
            PacketLayout::NodeTable
        }
    }
}

text_enum! {
    /// Which way is better for an indicator.
    Direction {
        /// More is better.
        Increase => "increase", "増加";
        /// Less is better (e.g. serious accidents, target 0).
        Decrease => "decrease", "減少";
        /// Stay at the target (within the tolerance).
        Maintain => "maintain", "維持";
    }
}

text_enum! {
    /// Plan category of a year (実施/拡充/検討/検証/新規/継続).
    PlanCategory {
        Implement => "implement", "実施";
        Expand => "expand", "拡充";
        Study => "study", "検討";
        Verify => "verify", "検証";
        New => "new", "新規";
        Continue => "continue", "継続";
    }
}

text_enum! {
    /// Progress status (進捗状況) of a year.
    ProgressStatus {
        OnTrack => "on_track", "順調に進んだ";
        MostlyOnTrack => "mostly_on_track", "概ね進んだ";
        PartlyDelayed => "partly_delayed", "一部遅れがある";
        NotStarted => "not_started", "未実施";
    }
}

text_enum! {
    /// Report workflow state.
    WorkflowState {
        Draft => "draft", "作成中";
        Submitted => "submitted", "提出済";
        Returned => "returned", "差戻し";
        Reviewed => "reviewed", "確認済";
        Published => "published", "公開";
    }
}

text_enum! {
    /// Quarter mark (進行管理 ○ × —).
    QuarterMark {
        Done => "done", "○";
        NotDone => "not_done", "×";
        NotApplicable => "not_applicable", "—";
    }
}

impl QuarterMark {
    /// Also accepts the look-alike characters sheets use for — (dash, minus, hyphen).
    pub fn from_sheet(text: &str) -> Option<Self> {
        match text.trim() {
            "○" | "〇" | "◯" => Some(QuarterMark::Done),
            "×" | "✕" | "x" | "X" => Some(QuarterMark::NotDone),
            "—" | "-" | "－" | "―" | "‐" | "ー" | "–" => Some(QuarterMark::NotApplicable),
            other => Self::from_label(other),
        }
    }
}
