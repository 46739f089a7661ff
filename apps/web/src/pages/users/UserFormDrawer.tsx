import { useMutation } from '@tanstack/react-query';
import { CreateUserRequest, type Role, type UpdateUserRequest, type UserView } from '@xiaoshi/contracts';
import { App, Button, Drawer, Flex, Form, Input, Select, Space } from 'antd';
import { useEffect } from 'react';
import { usersApi } from '../../api/endpoints';
import { hasCode } from '../../api/errors';
import { UnitTreeSelect } from '../../components/UnitTreeSelect';
import { reportFormError } from '../../lib/form-errors';
import { generatePassword, newPasswordRules } from '../../lib/password';
import { roleOptions } from './roleOptions';
import { usersText } from './text';
import { commonText } from '../../i18n/common';
import { useZodRules } from '../../lib/zod-form';

/** Closed, a new user, or an existing one being edited. */
export type UserFormTarget = { mode: 'create' } | { mode: 'edit'; user: UserView } | null;

interface Values {
  username: string;
  displayName: string;
  unitId: number;
  roles: Role[];
  phone?: string;
  email?: string;
  initialPassword: string;
}

interface Props {
  target: UserFormTarget;
  onClose: () => void;
  onSaved: (user: UserView, created: boolean) => void;
  onConflict: () => void;
}

const blankToUndefined = (value?: string) => value?.trim() || undefined;
const blankToNull = (value?: string) => value?.trim() || null;
const sameRoles = (a: readonly Role[], b: readonly Role[]) => [...a].sort().join() === [...b].sort().join();

/** PATCH only what changed: masked phone/email shown to a viewer are never written back. */
function changes(user: UserView, values: Values): UpdateUserRequest {
  const body: UpdateUserRequest = { version: user.version };
  const displayName = values.displayName.trim();
  if (displayName !== user.displayName) body.displayName = displayName;
  if (values.unitId !== user.unit.id) body.unitId = values.unitId;
  if (!sameRoles(values.roles, user.roles)) body.roles = values.roles;
  const phone = blankToNull(values.phone);
  if (phone !== user.phone) body.phone = phone;
  const email = blankToNull(values.email);
  if (email !== user.email) body.email = email;
  return body;
}

export function UserFormDrawer({ target, onClose, onSaved, onConflict }: Props) {
  const t = usersText.useT();
  const tc = commonText.useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const rules = useZodRules(CreateUserRequest);
  const editing = target?.mode === 'edit' ? target.user : null;

  const save = useMutation({
    mutationFn: async (values: Values): Promise<{ user: UserView; created: boolean } | null> => {
      if (editing) {
        const body = changes(editing, values);
        if (Object.keys(body).length === 1) return null;
        return { user: await usersApi.update(editing.id, body), created: false };
      }
      const body: CreateUserRequest = {
        username: values.username.trim().toLowerCase(),
        displayName: values.displayName.trim(),
        unitId: values.unitId,
        roles: values.roles,
        phone: blankToUndefined(values.phone),
        email: blankToUndefined(values.email),
        initialPassword: values.initialPassword,
      };
      return { user: await usersApi.create(body), created: true };
    },
  });

  useEffect(() => {
    if (!target) return;
    form.resetFields();
    if (target.mode === 'edit') {
      const { user } = target;
      form.setFieldsValue({
        username: user.username,
        displayName: user.displayName,
        unitId: user.unit.id,
        roles: user.roles,
        phone: user.phone ?? '',
        email: user.email ?? '',
      });
    } else {
      form.setFieldValue('initialPassword', generatePassword());
    }
  }, [target, form]);

  const submit = async (values: Values) => {
    try {
      const result = await save.mutateAsync(values);
      if (result) {
        const key = result.created ? 'created' : 'updated';
        message.success(t(key, { name: result.user.displayName }));
        onSaved(result.user, result.created);
      }
      onClose();
    } catch (error) {
      if (hasCode(error, 'CONFLICT')) {
        message.warning(tc('error.conflict'));
        onConflict();
        onClose();
        return;
      }
      reportFormError(form, error, message);
    }
  };

  const title = editing ? t('editTitle', { name: editing.displayName }) : t('createTitle');
  return (
    <Drawer
      open={!!target}
      title={title}
      size={480}
      onClose={onClose}
      forceRender
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>{tc('cancel')}</Button>
          <Button type="primary" loading={save.isPending} onClick={() => form.submit()}>
            {editing ? tc('save') : tc('submit')}
          </Button>
        </Flex>
      }
    >
      <Form<Values>
        name="userForm"
        form={form}
        layout="vertical"
        requiredMark="optional"
        onFinish={(values) => void submit(values)}
        data-testid="user-form"
      >
        <Form.Item
          name="username"
          label={t('field.username')}
          required
          extra={editing ? undefined : t('usernameHelp')}
          rules={
            editing
              ? []
              : rules('username', { required: t('usernameRequired'), message: t('usernameInvalid') })
          }
        >
          <Input disabled={!!editing} maxLength={32} autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="displayName"
          label={t('field.displayName')}
          rules={rules('displayName', { required: t('displayNameRequired') })}
        >
          <Input maxLength={50} autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="unitId"
          label={t('field.unit')}
          rules={rules('unitId', { required: t('unitRequired') })}
        >
          <UnitTreeSelect placeholder={t('unitPlaceholder')} />
        </Form.Item>
        <Form.Item
          name="roles"
          label={t('field.roles')}
          extra={t('rolesHelp')}
          rules={rules('roles', { required: t('rolesRequired') })}
        >
          <Select<Role[]> mode="multiple" options={roleOptions()} placeholder={t('rolePlaceholder')} />
        </Form.Item>
        <Form.Item
          name="phone"
          label={t('field.phone')}
          rules={rules('phone', { accept: (value) => value === editing?.phone })}
        >
          <Input maxLength={20} autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="email"
          label={t('field.email')}
          rules={rules('email', { message: t('emailInvalid'), accept: (value) => value === editing?.email })}
        >
          <Input maxLength={100} autoComplete="off" />
        </Form.Item>
        {!editing && (
          <Form.Item label={t('field.initialPassword')} extra={t('initialPasswordHelp')} required>
            <Space.Compact style={{ width: '100%' }}>
              <Form.Item name="initialPassword" noStyle rules={newPasswordRules()}>
                <Input autoComplete="off" maxLength={128} style={{ fontFamily: 'monospace' }} />
              </Form.Item>
              <Button onClick={() => form.setFieldValue('initialPassword', generatePassword())}>
                {tc('generate')}
              </Button>
            </Space.Compact>
          </Form.Item>
        )}
      </Form>
    </Drawer>
  );
}
