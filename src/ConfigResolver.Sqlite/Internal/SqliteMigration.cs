using System.Globalization;
using System.Text.RegularExpressions;

namespace ConfigResolver.Sqlite.Internal;

/// <summary>One embedded schema migration, <c>Migrations/NNNN_name.sql</c>.</summary>
/// <param name="Version">The number in the file name; migrations apply in ascending order.</param>
/// <param name="Name">The file name without extension, for example <c>0001_initial</c>.</param>
/// <param name="Script">The SQL text.</param>
internal sealed partial record SqliteMigration(int Version, string Name, string Script)
{
    private static readonly Lazy<IReadOnlyList<SqliteMigration>> s_embedded = new(Load);

    /// <summary>The migrations embedded in this assembly, in version order.</summary>
    public static IReadOnlyList<SqliteMigration> Embedded => s_embedded.Value;

    /// <summary>The highest version this code knows.</summary>
    public static int LatestVersion => Embedded[^1].Version;

    private static List<SqliteMigration> Load()
    {
        var assembly = typeof(SqliteMigration).Assembly;
        var migrations = new List<SqliteMigration>();
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            var match = ResourcePattern().Match(resource);
            if (!match.Success)
            {
                continue;
            }

            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            var name = match.Groups["name"].Value;
            migrations.Add(new SqliteMigration(int.Parse(match.Groups["version"].Value, CultureInfo.InvariantCulture), name, reader.ReadToEnd()));
        }

        migrations.Sort(static (a, b) => a.Version.CompareTo(b.Version));
        for (var i = 0; i < migrations.Count; i++)
        {
            // Versions are 1, 2, 3, ... without gaps, so "applied up to N" says exactly which scripts ran.
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
