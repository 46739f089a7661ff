import { FileDoneOutlined, FormOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, List, Typography } from 'antd';
import { Link } from 'react-router';
import type { InspectionView } from '@xiaoshi/contracts';
import { deliveryApi } from '../../../api/delivery';
import { useSessionUser } from '../../../app/auth/AuthContext';
import { errorMessage } from '../../../lib/errors';
import { OutcomeTag, kindLabel, openHtml } from '../shared';
import { deliveryText } from '../i18n';

export function InspectionsCard({
  inspections,
  loading,
}: {
  inspections?: InspectionView[];
  loading: boolean;
}) {
  const d = deliveryText.useT();
  const user = useSessionUser();
  const { message } = App.useApp();
  const certificate = async (id: number) => {
    try {
      if (!(await openHtml(() => deliveryApi.certificate(id)))) void message.info(d('payments.popupBlocked'));
    } catch (error) {
      void message.error(errorMessage(error));
    }
  };
  return (
    <Card variant="borderless" size="small" title={d('inspections.title')}>
      <List<InspectionView>
        loading={loading}
        dataSource={[...(inspections ?? [])].reverse()}
        locale={{ emptyText: <Typography.Text type="secondary">{d('inspections.none')}</Typography.Text> }}
        renderItem={(inspection) => {
          const mine = inspection.inspectors.some((i) => i.id === user.id);
          return (
            <List.Item style={{ paddingInline: 0 }} data-testid={`inspection-${inspection.id}`}>
              <Flex vertical gap={4} style={{ width: '100%' }}>
                <Flex justify="space-between" align="center" gap={8}>
                  <Typography.Text strong>
                    {d('projects.inspectionRound', {
                      round: inspection.round,
                      kind: kindLabel(d, inspection.kind),
                    })}
                  </Typography.Text>
                  <OutcomeTag outcome={inspection.outcome} />
                </Flex>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {d('inspections.inspectors', {
                    names: inspection.inspectors.map((i) => i.name).join('、'),
                  })}
                  {inspection.inspectedOn ? ` · ${inspection.inspectedOn}` : ''}
                </Typography.Text>
                {inspection.findings && (
                  <Typography.Text style={{ fontSize: 13 }}>{inspection.findings}</Typography.Text>
                )}
                <Flex gap={8} wrap>
                  {inspection.status === 'assigned' && mine ? (
                    <Link to={`/inspections/${inspection.id}`}>
                      <Button type="primary" size="small" icon={<FormOutlined />}>
                        {d('inspections.open')}
                      </Button>
                    </Link>
                  ) : (
                    <Link to={`/inspections/${inspection.id}`}>{d('inspections.view')}</Link>
                  )}
                  {inspection.outcome === 'passed' && (
                    <Button
                      size="small"
                      icon={<FileDoneOutlined />}
                      onClick={() => void certificate(inspection.id)}
                    >
                      {d('inspections.certificate')}
                    </Button>
                  )}
                </Flex>
              </Flex>
            </List.Item>
          );
        }}
      />
    </Card>
  );
}
