using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;

namespace ConfigResolver.Storage;

/// <summary>
/// A policy directory about to be stored as a revision (<see cref="IPolicyRevisionStoreWriter.PublishPolicyRevisionAsync"/>):
/// its files, who publishes it and why. The store adds the number, the time and the store revision.
/// </summary>
/// <remarks>Immutable; the files are kept in ordinal path order, so equal content always has the same <see cref="ContentHash"/>.</remarks>
public sealed record PolicyRevisionDraft
{
    /// <summary>Creates a draft.</summary>
    /// <param name="files">The files (at least one; paths unique).</param>
    /// <param name="author">Who publishes it (a user name or e-mail address; not empty).</param>
    /// <param name="message">Why, or null.</param>
    /// <exception cref="ArgumentException">No files, a repeated path, or an empty author.</exception>
    public PolicyRevisionDraft(IEnumerable<PolicyRevisionFile> files, string author, string? message)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentException.ThrowIfNullOrWhiteSpace(author);
        var sorted = files.OrderBy(static f => f.Path, StringComparer.Ordinal).ToImmutableArray();
        if (sorted.IsEmpty)
        {
            throw new ArgumentException("A policy revision holds at least one file.", nameof(files));
        }

        for (var i = 1; i < sorted.Length; i++)
        {
            if (sorted[i].Path == sorted[i - 1].Path)
            {
                throw new ArgumentException($"The path '{sorted[i].Path}' appears twice.", nameof(files));
            }
        }

        Files = sorted;
        Author = author;
        Message = string.IsNullOrWhiteSpace(message) ? null : message;
        ContentHash = Hash(sorted);
    }

    /// <summary>Gets the files, in ordinal path order.</summary>
    public ImmutableArray<PolicyRevisionFile> Files { get; }

    /// <summary>Gets who publishes the revision.</summary>
    public string Author { get; }

    /// <summary>Gets why, or null.</summary>
    public string? Message { get; }

    /// <summary>Gets the number of the revision this one restores (a rollback), or null.</summary>
    public long? RestoredFrom { get; init; }

    /// <summary>Gets the content hash: <c>sha256:</c> and the hex digest of every path and text, in path order.</summary>
    public string ContentHash { get; }

    /// <summary>Hashes files in ordinal path order: for each, the UTF-8 path, a zero byte, the text's length and a zero byte, then the UTF-8 text.</summary>
    /// <param name="files">The files, sorted by path.</param>
    /// <returns>The hash, <c>sha256:</c> followed by 64 lowercase hex digits.</returns>
    internal static string Hash(ImmutableArray<PolicyRevisionFile> files)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in files)
        {
            // Length-prefixing the text keeps 'a' + 'bc' and 'ab' + 'c' apart.
            hash.AppendData(Encoding.UTF8.GetBytes(file.Path));
            hash.AppendData([0]);
            hash.AppendData(Encoding.UTF8.GetBytes(file.Text.Length.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            hash.AppendData([0]);
            hash.AppendData(Encoding.UTF8.GetBytes(file.Text));
        }

        return "sha256:" + Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
