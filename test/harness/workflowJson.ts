import type { IConnections, INode, IWorkflowBase } from 'n8n-workflow';

/** A node as saved in workflow JSON; id, position and typeVersion may be left out in tests. */
export type WorkflowNodeJson = Omit<INode, 'id' | 'position' | 'typeVersion'> &
	Partial<Pick<INode, 'id' | 'position' | 'typeVersion'>>;

export function completeNodes(nodes: WorkflowNodeJson[]): INode[] {
	return nodes.map((node, index) => ({
		...node,
		id: node.id ?? `node-${index}`,
		typeVersion: node.typeVersion ?? 1,
		position: node.position ?? [index * 220, 0],
	}));
}

/** What an n8n user gets by dragging each node onto the previous one's main output. */
export function chainConnections(nodes: Array<Pick<INode, 'name'>>): IConnections {
	const connections: IConnections = {};
	for (let index = 0; index + 1 < nodes.length; index++) {
		connections[nodes[index].name] = {
			main: [[{ node: nodes[index + 1].name, type: 'main', index: 0 }]],
		};
	}
	return connections;
}

export function workflowBase(id: string, nodes: INode[], connections: IConnections): IWorkflowBase {
	const now = new Date();
	return {
		id,
		name: `Harness workflow ${id}`,
		active: false,
		activeVersionId: null,
		isArchived: false,
		createdAt: now,
		updatedAt: now,
		nodes,
		connections,
	};
}
