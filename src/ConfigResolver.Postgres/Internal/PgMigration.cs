using System.Globalization;
using System.Text.RegularExpressions;

namespace ConfigResolver.Postgres.Internal;

/// <summary>One embedded schema migration, <c>Migrations/NNNN_name.sql</c>, numbered 1, 2, 3, ... without gaps.</summary>
internal sealed partial record PgMigration(int Version, string Name, string Script)
{
    private static readonly Lazy<IReadOnlyList<PgMigration>> s_embedded = new(Load);

    public static IReadOnlyList<PgMigration> Embedded => s_embedded.Value;

    public static int LatestVersion => Embedded[^1].Version;

    private static List<PgMigration> Load()
    {
        var assembly = typeof(PgMigration).Assembly;
        var migrations = new List<PgMigration>();
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            var match = ResourcePattern().Match(resource);
            if (!match.Success)
            {
                continue;
            }

            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            migrations.Add(new PgMigration(int.Parse(match.Groups["version"].Value, CultureInfo.InvariantCulture), match.Groups["name"].Value, reader.ReadToEnd()));
        }

        migrations.Sort(static (a, b) => a.Version.CompareTo(b.Version));
        for (var i = 0; i < migrations.Count; i++)
        {
            if (migrations[i].Version != i + 1)
            {
                throw new InvalidOperationException($"Embedded migrations must be numbered 1, 2, 3, ...; found '{migrations[i].Name}' at position {i + 1}.");
            }
        }

        return migrations.Count > 0 ? migrations : throw new InvalidOperationException("No embedded migrations were found in " + assembly.GetName().Name + ".");
    }

    [GeneratedRegex(@"\.Migrations\.(?<name>(?<version>\d{4})_[a-z0-9_]+)\.sql$", RegexOptions.CultureInvariant)]
    private static partial Regex ResourcePattern();
}
