namespace ConfigResolver.Policy;

/// <summary>
/// An object whose attributes matchers and conditions read by name (<c>r.sub.Age</c>, <c>principal.roles</c>).
/// Implement it to expose facts without building dictionaries; string-keyed dictionaries, JSON objects and plain
/// CLR objects (public properties and fields) work without it.
/// </summary>
public interface IAttributeSource
{
    /// <summary>Reads one attribute.</summary>
    /// <param name="name">The attribute name as written in the expression.</param>
    /// <param name="value">The value: a string, number, boolean, list, nested object, or null.</param>
    /// <returns><see langword="false"/> when the object has no such attribute.</returns>
    bool TryGetAttribute(string name, out object? value);
}
