using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ConfigResolver.Commerce;

/// <summary>
/// The stored form of <see cref="CommerceState"/>: one JSON document per organization, written and read the same way by
/// every store, so stores hold it as an opaque text column or document.
/// </summary>
public static class CommerceJson
{
    private static readonly JsonSerializerOptions s_options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>Writes an organization's state.</summary>
    /// <param name="state">The state.</param>
    /// <returns>The JSON text.</returns>
    public static string Serialize(CommerceState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return JsonSerializer.Serialize(state, s_options);
    }

    /// <summary>Reads an organization's state; no document means an organization with no plan, teams or groups.</summary>
    /// <param name="organizationId">The organization.</param>
    /// <param name="json">The stored text, or null.</param>
    /// <returns>The state.</returns>
    /// <exception cref="InvalidDataException">The text is not a document this version wrote.</exception>
    public static CommerceState Parse(Guid organizationId, string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return new CommerceState(organizationId);
        }

        try
        {
            var state = JsonSerializer.Deserialize<CommerceState>(json, s_options) ?? new CommerceState(organizationId);
            return Normalize(state with { OrganizationId = organizationId });
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"unreadable commerce document of organization {organizationId:D}: {e.Message}", e);
        }
    }

    /// <summary>Removes a user from every team of an organization (called when their membership is removed).</summary>
    /// <param name="state">The state.</param>
    /// <param name="userId">The user.</param>
    /// <returns>The state without the user in any team, or the same instance when the user was in none.</returns>
    public static CommerceState WithoutMember(CommerceState state, Guid userId)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (!state.Teams.Any(t => t.Members.Contains(userId)))
        {
            return state;
        }

        return state with { Teams = [.. state.Teams.Select(t => t.Members.Contains(userId) ? t with { Members = t.Members.Remove(userId) } : t)] };
    }

    private static CommerceState Normalize(CommerceState state) => state with
    {
        Teams = state.Teams.IsDefault ? [] : [.. state.Teams.Select(static t => t with
        {
            Members = t.Members.IsDefault ? [] : t.Members,
            ModelGroups = t.ModelGroups.IsDefault ? [] : t.ModelGroups,
        })],
        ModelGroups = state.ModelGroups.IsDefault ? [] : [.. state.ModelGroups.Select(static g => g.Models.IsDefault ? g with { Models = [] } : g)],
        Plan = state.Plan is { } plan ? plan with { Limits = NormalizeLimits(plan.Limits) } : null,
    };

    private static PlanLimits NormalizeLimits(PlanLimits limits) => limits with
    {
        Features = limits.Features.IsDefault ? [] : limits.Features,
        Meters = limits.Meters is null ? ImmutableSortedDictionary.Create<string, long?>(StringComparer.Ordinal) : limits.Meters.WithComparers(StringComparer.Ordinal),
    };
}
