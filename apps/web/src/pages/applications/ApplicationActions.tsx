import {
  CheckOutlined,
  CloseOutlined,
  EditOutlined,
  RollbackOutlined,
  SendOutlined,
  StopOutlined,
} from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { WorkflowActionRequest, type ApplicationView } from '@xiaoshi/contracts';
import { APPLICATION_TRANSITIONS, type ApplicationAction } from '@xiaoshi/domain';
import { Alert, App, Button, Flex, Form, Input, Modal, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { applicationsApi, type WorkflowRoute } from '../../api/pipeline';
import { hasCode, isApiError } from '../../api/errors';
import type { KeyOf } from '../../i18n/i18n';
import { errorMessage } from '../../lib/errors';
import { useApplicationRefresh } from './useApplication';
import { commonText } from '../../i18n/common';
import { applicationsText } from './text';
import { useZodRules } from '../../lib/zod-form';

interface ActionSpec {
  label: KeyOf<typeof applicationsText>;
  confirmTitle: KeyOf<typeof applicationsText>;
  hint: KeyOf<typeof applicationsText>;
  done: KeyOf<typeof applicationsText>;
  icon: ReactNode;
  primary?: boolean;
  danger?: boolean;
  run: (application: ApplicationView, reason: string | undefined) => Promise<ApplicationView>;
}

const move = (route: WorkflowRoute) => (application: ApplicationView, reason: string | undefined) =>
  applicationsApi.move(application.id, route, { reason, version: application.version });
const screen =
  (outcome: 'eligible' | 'returned' | 'ineligible') =>
  (application: ApplicationView, reason: string | undefined) =>
    applicationsApi.screen(application.id, { outcome, reason, version: application.version });

const ACTIONS: Record<ApplicationAction, ActionSpec> = {
  submit_to_street: {
    label: 'workflow.submit_to_street',
    confirmTitle: 'workflow.confirm.submit_to_street',
    hint: 'workflow.hint.submit_to_street',
    done: 'workflow.done.submit_to_street',
    icon: <SendOutlined />,
    primary: true,
    run: move('submit-to-street'),
  },
  submit: {
    label: 'workflow.submit',
    confirmTitle: 'workflow.confirm.submit',
    hint: 'workflow.hint.submit',
    done: 'workflow.done.submit',
    icon: <SendOutlined />,
    primary: true,
    run: move('submit'),
  },
  return_to_community: {
    label: 'workflow.return_to_community',
    confirmTitle: 'workflow.confirm.return_to_community',
    hint: 'workflow.hint.return_to_community',
    done: 'workflow.done.return_to_community',
    icon: <RollbackOutlined />,
    run: move('return-to-community'),
  },
  screen_eligible: {
    label: 'workflow.screen_eligible',
    confirmTitle: 'workflow.confirm.screen_eligible',
    hint: 'workflow.hint.screen_eligible',
    done: 'workflow.done.screen_eligible',
    icon: <CheckOutlined />,
    primary: true,
    run: screen('eligible'),
  },
  screen_return: {
    label: 'workflow.screen_return',
    confirmTitle: 'workflow.confirm.screen_return',
    hint: 'workflow.hint.screen_return',
    done: 'workflow.done.screen_return',
    icon: <RollbackOutlined />,
    run: screen('returned'),
  },
  screen_ineligible: {
    label: 'workflow.screen_ineligible',
    confirmTitle: 'workflow.confirm.screen_ineligible',
    hint: 'workflow.hint.screen_ineligible',
    done: 'workflow.done.screen_ineligible',
    icon: <CloseOutlined />,
    danger: true,
    run: screen('ineligible'),
  },
  withdraw: {
    label: 'workflow.withdraw',
    confirmTitle: 'workflow.confirm.withdraw',
    hint: 'workflow.hint.withdraw',
    done: 'workflow.done.withdraw',
    icon: <StopOutlined />,
    danger: true,
    run: move('withdraw'),
  },
};

const SCREENING: ApplicationAction[] = ['screen_eligible', 'screen_return', 'screen_ineligible'];

export function reasonRequired(action: ApplicationAction): boolean {
  return APPLICATION_TRANSITIONS.some(
    (transition) => transition.action === action && transition.reasonRequired,
  );
}

/** The buttons the API says this user may press now (availableActions), plus 编辑 when editable. */
export function ApplicationActions({ application }: { application: ApplicationView }) {
  const t = commonText.useT();
  const tApplications = applicationsText.useT();
  const navigate = useNavigate();
  const [pending, setPending] = useState<ApplicationAction | null>(null);
  const actions = application.availableActions.filter(
    (action): action is ApplicationAction => action in ACTIONS,
  );
  const screening = actions.filter((action) => SCREENING.includes(action));
  const others = actions.filter((action) => !SCREENING.includes(action));
  const button = (action: ApplicationAction) => {
    const spec = ACTIONS[action];
    return (
      <Button
        key={action}
        type={spec.primary ? 'primary' : 'default'}
        danger={spec.danger}
        icon={spec.icon}
        onClick={() => setPending(action)}
        data-action={action}
      >
        {tApplications(spec.label)}
      </Button>
    );
  };
  return (
    <>
      {application.editable && (
        <Button icon={<EditOutlined />} onClick={() => void navigate(`/applications/${application.id}/edit`)}>
          {t('edit')}
        </Button>
      )}
      {others.filter((action) => action === 'withdraw').map(button)}
      {others.filter((action) => action !== 'withdraw').map(button)}
      {screening.length > 0 && (
        <Flex gap={8} align="center" className="xs-action-group" wrap>
          <Typography.Text type="secondary">{tApplications('workflow.screening')}</Typography.Text>
          {screening.map(button)}
        </Flex>
      )}
      <ActionModal application={application} action={pending} onClose={() => setPending(null)} />
    </>
  );
}

function ActionModal({
  application,
  action,
  onClose,
}: {
  application: ApplicationView;
  action: ApplicationAction | null;
  onClose: () => void;
}) {
  const t = applicationsText.useT();
  const tc = commonText.useT();
  const { message } = App.useApp();
  const refresh = useApplicationRefresh();
  const [form] = Form.useForm<{ reason?: string }>();
  const rules = useZodRules(WorkflowActionRequest);
  const [problems, setProblems] = useState<string[]>([]);
  const spec = action ? ACTIONS[action] : null;
  const needsReason = action ? reasonRequired(action) : false;
  const run = useMutation({
    mutationFn: ({ reason }: { reason?: string }) => spec!.run(application, reason?.trim() || undefined),
  });

  const close = () => {
    form.resetFields();
    setProblems([]);
    onClose();
  };

  const submit = async (values: { reason?: string }) => {
    if (!spec) return;
    setProblems([]);
    try {
      const saved = await run.mutateAsync(values);
      refresh(saved);
      message.success(t(spec.done));
      close();
    } catch (error) {
      if (
        hasCode(error, 'CONFLICT', 'INVALID_TRANSITION') &&
        isApiError(error) &&
        !Object.keys(error.fields).length
      ) {
        message.warning(hasCode(error, 'CONFLICT') ? tc('error.conflict') : errorMessage(error));
        refresh();
        close();
        return;
      }
      if (isApiError(error) && Object.keys(error.fields).length) {
        if (error.fields.reason) form.setFields([{ name: 'reason', errors: [error.fields.reason] }]);
        setProblems(
          Object.entries(error.fields)
            .filter(([field]) => field !== 'reason')
            .map(([, text]) => text),
        );
      }
      message.error(errorMessage(error));
    }
  };

  return (
    <Modal
      open={!!action}
      title={spec ? t(spec.confirmTitle) : ''}
      okText={spec ? t(spec.label) : ''}
      okButtonProps={{ danger: spec?.danger, id: 'action-confirm' }}
      cancelText={tc('cancel')}
      onOk={() => form.submit()}
      onCancel={close}
      confirmLoading={run.isPending}
      forceRender
    >
      {spec && (
        <Typography.Paragraph type="secondary">
          {t(spec.hint, { title: application.title })}
        </Typography.Paragraph>
      )}
      {problems.length > 0 && (
        <Alert
          type="error"
          showIcon
          title={t('workflow.blocked')}
          description={
            <ul className="xs-problem-list">
              {problems.map((text, index) => (
                <li key={index}>{text}</li>
              ))}
            </ul>
          }
          style={{ marginBottom: 12 }}
        />
      )}
      <Form form={form} layout="vertical" onFinish={(values) => void submit(values)}>
        <Form.Item
          name="reason"
          label={needsReason ? t('workflow.reason') : t('workflow.note')}
          rules={rules('reason', { optional: !needsReason, required: t('workflow.reasonRequired') })}
        >
          <Input.TextArea
            rows={4}
            maxLength={1000}
            showCount
            placeholder={needsReason ? t('workflow.reasonPlaceholder') : t('workflow.notePlaceholder')}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
