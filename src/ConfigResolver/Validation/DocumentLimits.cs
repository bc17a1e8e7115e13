namespace ConfigResolver.Validation;

/// <summary>
/// Bounds on an organization configuration document, checked before the schema so that an absurd document is refused
/// at once with a coded, positioned error (<c>CFG1040</c>–<c>CFG1045</c>) and never slows later commands down.
/// </summary>
/// <remarks>
/// Set through <see cref="ResolverOptions.DocumentLimits"/>. The defaults are far above what a real organization
/// needs; raise one only for a known reason. All limits are listed in <c>docs/limits.md</c>.
/// Read when a document is validated; not synchronized, so set it up before use.
/// </remarks>
public sealed class DocumentLimits
{
    /// <summary>Gets a new instance with the defaults (a new one each time, so no caller can change another's limits).</summary>
    public static DocumentLimits Default => new();

    /// <summary>Gets or sets the largest document in UTF-8 bytes (<c>CFG1040</c>). Default 1 MiB.</summary>
    public int MaxDocumentBytes { get; set; } = 1 << 20;

    /// <summary>Gets or sets how deep objects and arrays may nest (<c>CFG1041</c>). Default 64.</summary>
    public int MaxDepth { get; set; } = 64;

    /// <summary>Gets or sets the most setups one document may declare (<c>CFG1044</c>). Default 64.</summary>
    public int MaxSetups { get; set; } = 64;

    /// <summary>Gets or sets the most providers one setup or the inheritance section may name (<c>CFG1044</c>). Default 64.</summary>
    public int MaxProviders { get; set; } = 64;

    /// <summary>Gets or sets the most models one provider may list (<c>CFG1044</c>). Default 256.</summary>
    public int MaxModels { get; set; } = 256;

    /// <summary>Gets or sets the most entries of any other object or array (<c>CFG1044</c>). Default 1,024.</summary>
    public int MaxEntries { get; set; } = 1024;

    /// <summary>Gets or sets the longest string or property name in characters (<c>CFG1045</c>). Default 65,536.</summary>
    public int MaxStringLength { get; set; } = 65_536;
}
