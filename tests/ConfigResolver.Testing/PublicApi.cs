using System.Reflection;
using System.Text;

namespace ConfigResolver.Testing;

/// <summary>
/// The public surface of an assembly as reviewed text (types, base types, visible members), compared with a
/// checked-in file. After an intended change, run the tests with <c>CFGR_UPDATE_PUBLIC_API=1</c> and review the diff.
/// </summary>
public static class PublicApi
{
    /// <summary>Asserts that the assembly's public surface equals the reviewed file.</summary>
    /// <param name="assembly">The assembly.</param>
    /// <param name="relativePath">The file, relative to the repository root.</param>
    public static void Verify(Assembly assembly, string relativePath)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        var actual = Describe(assembly);
        var path = Path.Combine(TestPaths.RepositoryRoot, relativePath);
        if (Environment.GetEnvironmentVariable("CFGR_UPDATE_PUBLIC_API") == "1")
        {
            File.WriteAllText(path, actual);
        }

        Assert.True(File.Exists(path), $"{path} is missing; run with CFGR_UPDATE_PUBLIC_API=1 to create it.");
        Assert.Equal(File.ReadAllText(path).ReplaceLineEndings("\n"), actual);
    }

    /// <summary>Renders the public surface.</summary>
    /// <param name="assembly">The assembly.</param>
    /// <returns>One line per type and member, sorted.</returns>
    public static string Describe(Assembly assembly)
    {
        var builder = new StringBuilder();
        foreach (var type in assembly.GetExportedTypes().OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            builder.Append(Kind(type)).Append(' ').Append(type.FullName);
            var bases = new List<string>();
            if (type.BaseType is { } baseType && baseType != typeof(object) && baseType != typeof(ValueType) && baseType != typeof(Enum))
            {
                bases.Add(baseType.ToString());
            }

            bases.AddRange(type.GetInterfaces().Select(i => i.ToString()).Order(StringComparer.Ordinal));
            if (bases.Count > 0)
            {
                builder.Append(" : ").AppendJoin(", ", bases);
            }

            builder.Append('\n');
            const BindingFlags Flags = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
            var members = type.GetMembers(Flags)
                .Where(IsVisible)
                .Where(m => !(type.IsEnum && m.Name == "value__"))
                .Select(m => "  " + Describe(m))
                .Distinct()
                .Order(StringComparer.Ordinal);
            foreach (var member in members)
            {
                builder.Append(member).Append('\n');
            }
        }

        return builder.ToString();
    }

    private static bool IsVisible(MemberInfo member) => member switch
    {
        MethodBase method => (method.IsPublic || method.IsFamily || method.IsFamilyOrAssembly) && !(method.IsSpecialName && !method.IsConstructor),
        FieldInfo field => field.IsPublic || field.IsFamily,
        PropertyInfo property => property.GetAccessors(nonPublic: true).Any(a => a.IsPublic || a.IsFamily),
        EventInfo e => e.AddMethod is { IsPublic: true },
        Type nested => nested.IsNestedPublic,
        _ => false,
    };

    private static string Describe(MemberInfo member) => member switch
    {
        PropertyInfo property => $"{property} {{ {string.Join(' ', property.GetAccessors().Where(a => a.IsPublic).Select(a => a.Name.StartsWith("get_", StringComparison.Ordinal) ? "get;" : IsInit(a) ? "init;" : "set;").Order(StringComparer.Ordinal))} }}",
        FieldInfo { IsLiteral: true } field => $"const {field.FieldType} {field.Name} = {field.GetRawConstantValue()}",
        _ => member.ToString() ?? member.Name,
    };

    private static bool IsInit(MethodInfo setter) =>
        setter.ReturnParameter.GetRequiredCustomModifiers().Any(m => m.FullName == "System.Runtime.CompilerServices.IsExternalInit");

    private static string Kind(Type type) =>
        type.IsInterface ? "interface" : type.IsEnum ? "enum" : type.IsValueType ? "struct" : type.IsAbstract && type.IsSealed ? "static class" : type.IsAbstract ? "abstract class" : type.IsSealed ? "sealed class" : "class";
}
