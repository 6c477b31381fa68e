using Mono.Cecil;
using Mono.Cecil.Cil;

namespace ComparisonSite.Tests.Architecture;

/// <summary>
/// Which top-level folder of the site uses which, read from the compiled assembly with Mono.Cecil: every type a
/// type names in its signatures, attributes and method bodies. A folder is the namespace segment after
/// <c>ComparisonSite</c>; types in the root namespace are "(root)"; Razor's generated views count as "Pages".
/// </summary>
internal static class FolderDependencies
{
    public const string Root = "(root)";

    private const string Prefix = "ComparisonSite";

    /// <summary>Folder → the folders its types use (itself excluded), with one example use for each.</summary>
    public static Dictionary<string, Dictionary<string, string>> Read(string assemblyPath)
    {
        using var module = ModuleDefinition.ReadModule(assemblyPath);
        var graph = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        foreach (var type in module.GetTypes())
        {
            if (FolderOf(type) is not { } from)
            {
                continue;
            }

            var uses = graph.TryGetValue(from, out var known) ? known : graph[from] = new(StringComparer.Ordinal);
            foreach (var used in Used(type))
            {
                if (FolderOf(used) is { } to && to != from)
                {
                    uses.TryAdd(to, $"{type.FullName} uses {used.FullName}");
                }
            }
        }

        return graph;
    }

    /// <summary>
    /// The groups of folders that depend on each other (strongly connected components of two or more), each with
    /// the uses that tie it together: empty when the folders form layers.
    /// </summary>
    public static List<string> Cycles(Dictionary<string, Dictionary<string, string>> graph)
    {
        var groups = new List<string>();
        foreach (var group in StronglyConnected(graph).Where(g => g.Count > 1))
        {
            var members = group.ToHashSet(StringComparer.Ordinal);
            var ties = group.Order(StringComparer.Ordinal).SelectMany(from => graph[from]
                .Where(use => members.Contains(use.Key))
                .OrderBy(use => use.Key, StringComparer.Ordinal)
                .Select(use => $"\n    {from} → {use.Key}: {use.Value}"));
            groups.Add(string.Join(", ", group.Order(StringComparer.Ordinal)) + string.Concat(ties));
        }

        return groups;
    }

    // Tarjan's algorithm; a few dozen folders, so recursion depth is no concern.
    private static List<List<string>> StronglyConnected(Dictionary<string, Dictionary<string, string>> graph)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var low = new Dictionary<string, int>(StringComparer.Ordinal);
        var stack = new Stack<string>();
        var components = new List<List<string>>();
        foreach (var node in graph.Keys.Order(StringComparer.Ordinal).Where(n => !index.ContainsKey(n)))
        {
            Visit(node);
        }

        return components;

        void Visit(string node)
        {
            index[node] = low[node] = index.Count;
            stack.Push(node);
            foreach (var next in graph.GetValueOrDefault(node)?.Keys ?? Enumerable.Empty<string>())
            {
                if (!index.TryGetValue(next, out var seen))
                {
                    Visit(next);
                    low[node] = Math.Min(low[node], low[next]);
                }
                else if (stack.Contains(next))
                {
                    low[node] = Math.Min(low[node], seen);
                }
            }

            if (low[node] == index[node])
            {
                var component = new List<string>();
                string member;
                do
                {
                    member = stack.Pop();
                    component.Add(member);
                }
                while (member != node);
                components.Add(component);
            }
        }
    }

    private static string? FolderOf(TypeReference type)
    {
        while (type.DeclaringType is { } outer)
        {
            type = outer;
        }

        var ns = type.Namespace;
        if (ns == "AspNetCoreGeneratedDocument")
        {
            return "Pages";
        }

        if (ns == Prefix)
        {
            return type.Name is "Program" or "<Module>" || type.Name.StartsWith('<') ? null : Root;
        }

        return ns.StartsWith(Prefix + ".", StringComparison.Ordinal) ? ns[(Prefix.Length + 1)..].Split('.')[0] : null;
    }

    private static IEnumerable<TypeReference> Used(TypeDefinition type)
    {
        if (type.BaseType is { } baseType)
        {
            yield return baseType;
        }

        foreach (var item in type.Interfaces.Select(i => i.InterfaceType)
                     .Concat(type.Fields.Select(f => f.FieldType))
                     .Concat(type.Properties.Select(p => p.PropertyType))
                     .Concat(type.CustomAttributes.Select(a => a.AttributeType))
                     .Concat(type.Methods.SelectMany(MethodTypes)))
        {
            foreach (var part in Parts(item))
            {
                yield return part;
            }
        }
    }

    private static IEnumerable<TypeReference> MethodTypes(MethodDefinition method)
    {
        yield return method.ReturnType;
        foreach (var parameter in method.Parameters)
        {
            yield return parameter.ParameterType;
        }

        foreach (var attribute in method.CustomAttributes)
        {
            yield return attribute.AttributeType;
        }

        if (!method.HasBody)
        {
            yield break;
        }

        foreach (var variable in method.Body.Variables)
        {
            yield return variable.VariableType;
        }

        foreach (var instruction in method.Body.Instructions)
        {
            switch (instruction.Operand)
            {
                case TypeReference used:
                    yield return used;
                    break;
                case MemberReference member when member.DeclaringType is { } declaring:
                    yield return declaring;
                    if (member is MethodReference called)
                    {
                        yield return called.ReturnType;
                        foreach (var parameter in called.Parameters)
                        {
                            yield return parameter.ParameterType;
                        }

                        if (called is GenericInstanceMethod generic)
                        {
                            foreach (var argument in generic.GenericArguments)
                            {
                                yield return argument;
                            }
                        }
                    }
                    else if (member is FieldReference field)
                    {
                        yield return field.FieldType;
                    }

                    break;
                case Instruction or Instruction[] or null:
                    break;
            }
        }
    }

    /// <summary>A type and the types inside it: generic arguments, array and by-reference element types.</summary>
    private static IEnumerable<TypeReference> Parts(TypeReference type)
    {
        yield return type;
        switch (type)
        {
            case GenericInstanceType generic:
                foreach (var part in generic.GenericArguments.SelectMany(Parts))
                {
                    yield return part;
                }

                break;
            case TypeSpecification specification:
                foreach (var part in Parts(specification.ElementType))
                {
                    yield return part;
                }

                break;
        }
    }
}
