namespace BlazeFace.Tests.Support;

/// <summary>
/// One exported graph and session per bundled model, shared by the tests of a fixture (a session takes a tenth of a
/// second to create; thirty goldens need three). Dispose at the fixture's end.
/// </summary>
internal sealed class ExportedGraphs : IDisposable
{
    private readonly Dictionary<BlazeFaceModel, ExportedGraph> _graphs = [];

    public ExportedGraph this[BlazeFaceModel model]
    {
        get
        {
            lock (_graphs)
            {
                if (!_graphs.TryGetValue(model, out ExportedGraph? graph))
                {
                    graph = new ExportedGraph(model);
                    _graphs.Add(model, graph);
                }

                return graph;
            }
        }
    }

    public void Dispose()
    {
        lock (_graphs)
        {
            foreach (ExportedGraph graph in _graphs.Values)
            {
                graph.Dispose();
            }

            _graphs.Clear();
        }
    }
}
