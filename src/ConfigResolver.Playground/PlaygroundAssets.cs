using System.Collections.Frozen;
using Microsoft.AspNetCore.Http;

namespace ConfigResolver.Playground;

/// <summary>The page's three files, read once from the assembly's resources.</summary>
internal static class PlaygroundAssets
{
    private static readonly FrozenDictionary<string, (byte[] Bytes, string ContentType)> s_assets = new Dictionary<string, (byte[], string)>
    {
        ["index.html"] = (Read("index.html"), "text/html; charset=utf-8"),
        ["playground.js"] = (Read("playground.js"), "text/javascript; charset=utf-8"),
        ["playground.css"] = (Read("playground.css"), "text/css; charset=utf-8"),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static IResult Result(string name) =>
        s_assets.TryGetValue(name, out var asset) ? Results.Bytes(asset.Bytes, asset.ContentType) : Results.NotFound();

    private static byte[] Read(string name)
    {
        using var stream = typeof(PlaygroundAssets).Assembly.GetManifestResourceStream("ConfigResolver.Playground." + name)
            ?? throw new InvalidOperationException($"The playground resource '{name}' is missing from the assembly.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
