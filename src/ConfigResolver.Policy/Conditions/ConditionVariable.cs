namespace ConfigResolver.Policy.Conditions;

/// <summary>A name a condition may read (<c>principal</c>, <c>org</c>, <c>action</c>...) and the fields it has.</summary>
/// <param name="Name">The name as written in conditions.</param>
/// <param name="Shape">Its fields.</param>
public sealed record ConditionVariable(string Name, FieldShape Shape);
