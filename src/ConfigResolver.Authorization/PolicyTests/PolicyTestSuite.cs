using System.Collections.Immutable;
using ConfigResolver.Authorization.Loading;
using ConfigResolver.Tenancy;

namespace ConfigResolver.Authorization.PolicyTests;

/// <summary>A compiled <c>kind: PolicyTest</c> file: fixtures ready to load into a store, and its cases.</summary>
/// <remarks>Immutable.</remarks>
public sealed class PolicyTestSuite
{
    internal PolicyTestSuite(
        PolicyTestDocument document,
        ImmutableArray<Organization> organizations,
        ImmutableDictionary<string, Guid> users,
        ImmutableArray<(string User, string Org, MembershipRole Role)> memberships,
        ImmutableDictionary<string, ApiKeyFixture> apiKeys)
    {
        Document = document;
        Organizations = organizations;
        Users = users;
        Memberships = memberships;
        ApiKeys = apiKeys;
    }

    /// <summary>The file, as named in diagnostics.</summary>
    public string File => Document.File;

    /// <summary>The suite's name.</summary>
    public string Name => Document.Name;

    /// <summary>The case names, in file order.</summary>
    public ImmutableArray<string> CaseNames => [.. Document.Cases.Select(static c => c.Name.Value)];

    internal PolicyTestDocument Document { get; }

    /// <summary>Fixture organizations (the system one, if any, first).</summary>
    internal ImmutableArray<Organization> Organizations { get; }

    /// <summary>Fixture user names and the ids derived from them.</summary>
    internal ImmutableDictionary<string, Guid> Users { get; }

    internal ImmutableArray<(string User, string Org, MembershipRole Role)> Memberships { get; }

    internal ImmutableDictionary<string, ApiKeyFixture> ApiKeys { get; }
}
