import { useQueryClient } from '@tanstack/react-query';
import { type TripView } from '@xiaoshi/contracts';
import { App, Checkbox, Flex, Modal } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../../lib/errors';
import { tripsApi } from '../api';
import { text } from '../text';

export function AttendanceModal({
  open,
  trip,
  onClose,
}: {
  open: boolean;
  trip: TripView;
  onClose: () => void;
}) {
  const t = text.useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [checked, setChecked] = useState<number[]>(() =>
    trip.participantList.filter((p) => p.attended !== false).map((p) => p.id),
  );
  const [saving, setSaving] = useState(false);
  const save = async () => {
    setSaving(true);
    try {
      await tripsApi.attendance(trip.id, checked, trip.version);
      await queryClient.invalidateQueries({ queryKey: ['trips'] });
      onClose();
    } catch (error) {
      void message.error(errorMessage(error));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open={open}
      title={t('action.attendance')}
      okText={t('form.save')}
      cancelText={t('form.cancel')}
      okButtonProps={{ loading: saving }}
      onOk={() => void save()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Checkbox.Group
        value={checked}
        onChange={(values) => setChecked(values as number[])}
        style={{ width: '100%' }}
      >
        <Flex vertical gap={6}>
          {trip.participantList.map((participant) => (
            <Checkbox key={participant.id} value={participant.id}>
              {participant.name} · {participant.community.name} · {participant.post}
            </Checkbox>
          ))}
        </Flex>
      </Checkbox.Group>
    </Modal>
  );
}
