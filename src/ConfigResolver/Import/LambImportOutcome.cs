namespace ConfigResolver.Import;

/// <summary>What an import did with one organization, user or membership.</summary>
public enum LambImportOutcome
{
    /// <summary>Written (or, in a dry run, would be written).</summary>
    Imported = 0,

    /// <summary>Left alone for a benign reason: already present, or its organization or user was not imported.</summary>
    Skipped = 1,

    /// <summary>Refused: the row is invalid (a document that fails validation, a user without an email, an unknown role); see the diagnostics.</summary>
    Rejected = 2,
}
