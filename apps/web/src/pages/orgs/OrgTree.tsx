import type { OrgUnitView } from '@xiaoshi/contracts';
import { Tree, type TreeDataNode } from 'antd';
import { useMemo } from 'react';
import { OrgTitle } from './OrgTitle';

interface Props {
  rootId: number;
  units: Record<number, OrgUnitView>;
  children: Record<number, number[]>;
  expandedKeys: number[];
  onExpand: (keys: number[]) => void;
  selectedId: number | null;
  onSelect: (id: number) => void;
  loadChildren: (parentId: number) => Promise<void>;
}

export function OrgTree(props: Props) {
  const { rootId, units, children, expandedKeys, onExpand, selectedId, onSelect, loadChildren } = props;

  const treeData = useMemo(() => {
    const build = (id: number): TreeDataNode | null => {
      const unit = units[id];
      if (!unit) return null;
      const kids = children[id];
      return {
        key: id,
        title: <OrgTitle unit={unit} />,
        isLeaf: unit.childCount === 0,
        children: kids?.map(build).filter((node): node is TreeDataNode => node !== null),
      };
    };
    const root = build(rootId);
    return root ? [root] : [];
  }, [rootId, units, children]);

  const loadedKeys = useMemo(() => Object.keys(children).map(Number), [children]);

  return (
    <Tree
      className="xs-org-tree"
      blockNode
      showLine
      treeData={treeData}
      expandedKeys={expandedKeys}
      loadedKeys={loadedKeys}
      selectedKeys={selectedId === null ? [] : [selectedId]}
      onExpand={(keys) => onExpand(keys.map(Number))}
      onSelect={(keys) => {
        if (keys.length) onSelect(Number(keys[0]));
      }}
      loadData={(node) => loadChildren(Number(node.key))}
    />
  );
}
