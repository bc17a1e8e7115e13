using System.Text;
using System.Text.Json;
using ConfigResolver.Cli.CommandLine;
using ConfigResolver.Cli.Tenancy;
using ConfigResolver.Tenancy;
using ConfigResolver.Validation;

namespace ConfigResolver.Cli.Commands;

/// <summary><c>cfgr org config get</c>: prints an organization's configuration document, secrets redacted.</summary>
internal sealed class OrgConfigGetCommand : ICliCommand
{
    /// <inheritdoc />
    public CommandSpec Spec { get; } = new CommandSpec(
        "org config get",
        "Print an organization's configuration document (secrets redacted).",
        [
            CommonOptions.Organization,
            new OptionSpec("--reveal-secrets", null, "Print API keys, tokens and the signup key in plaintext."),
            new OptionSpec("--format", "native|lamb", "'lamb' writes LAMB's shape (version \"1.0\", setup names, organization-wide kb_server and assistant_defaults); default 'native', the document as stored."),
            new OptionSpec("--json", null, "Accepted for uniformity: the document is JSON either way."),
        ],
        [CommonOptions.OrganizationPositional])
    {
        Description = """
            Secrets print as "[redacted]". To edit a document and set it back with 'cfgr org config set', get it
            with --reveal-secrets, or the stored keys would be replaced by the text "[redacted]". A document got with
            --format lamb --reveal-secrets and set back resolves to the same values.
            """,
    };

    /// <inheritdoc />
    public Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var slug = context.Arguments.Organization();
        var reveal = context.Arguments.Has("--reveal-secrets");
        var lamb = context.Arguments.Value("--format") switch
        {
            null or "native" => false,
            "lamb" => true,
            var other => throw new UsageException($"'--format' takes 'native' or 'lamb'; found '{other}'.") { Command = Spec },
        };
        return CliTenancy.RunAsync(context, async tenancy =>
        {
            var organization = await tenancy.Store.FindOrganizationBySlugAsync(slug, cancellationToken).ConfigureAwait(false)
                ?? throw new TenantValidationException([TenancyDiagnostics.UnknownOrganization(slug)]);
            var config = organization.Config;
            context.Print(Indent(lamb ? config.ToLambJson(reveal) : reveal ? config.RevealJson() : config.ToRedactedJson()));
            return ExitCodes.Ok;
        });
    }

    /// <summary>Indents compact JSON with <c>\n</c> line breaks, so output is the same on every OS.</summary>
    private static string Indent(string json)
    {
        using var document = JsonDocument.Parse(json);
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, NewLine = "\n" }))
        {
            document.WriteTo(writer);
        }

        return Encoding.UTF8.GetString(stream.GetBuffer(), 0, (int)stream.Length);
    }
}
